// One fuzz input through the real upload route, POST /api/v1/scans, in-process (as tests/api/request.ts calls
// handlers): a raw body or a multipart form, with the options the recipe draws. Allowed: a 2xx, or a 4xx with the
// API's error shape {"error": {"code", "message"}}; with NDJSON, a last line that is a result or such an error.
// A 5xx, another shape, or an error thrown out of the handler is a failure.
import { FuzzFailure, type RouteOutcome } from "./outcome";
import type { FuzzInput } from "./recipe";
import { ORGANIZATIONS } from "./samples";

export type Handler = (req: Request) => Promise<Response>;

export function uploadRequest(input: FuzzInput, token: string): Request {
  const { target, files, recipe } = input;
  const u = recipe.upload;
  const query = new URLSearchParams();
  if (u.dryRun) query.set("dryRun", "1");
  // Formats that name no organization need one; for the others, one given wins over the file's.
  if (target.organization !== null ? u.organization : !u.organization) query.set("organization", ORGANIZATIONS[u.organizationName % ORGANIZATIONS.length]);
  if (u.explicitFormat) query.set("format", target.format);
  if (target.mappingSpec !== null) query.set("mappingSpec", JSON.stringify(target.mappingSpec));
  if (u.scannedAt) query.set("scannedAt", "2021-03-09T10:00:00Z");
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (u.ndjson) headers.set("accept", "application/x-ndjson");
  let body: BodyInit;
  if (files.length === 1 && !u.multipart) {
    if (files[0].name !== "") query.set("fileName", files[0].name);
    headers.set("content-type", u.octetStream ? "application/octet-stream" : target.contentType);
    body = new Uint8Array(files[0].bytes);
  } else {
    const form = new FormData();
    for (const f of files) form.append("file", new Blob([new Uint8Array(f.bytes)]), f.name || "upload");
    body = form;
  }
  return new Request(`http://localhost/api/v1/scans?${query}`, { method: "POST", headers, body });
}

export async function runRoute(input: FuzzInput, token: string, handler: Handler): Promise<RouteOutcome> {
  const started = performance.now();
  // The route logs an unhandled error before it answers 500: kept for the report instead of the console.
  const logged: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" "));
  let status: number;
  let text: string;
  let ndjson: boolean;
  try {
    const res = await handler(uploadRequest(input, token));
    status = res.status;
    ndjson = (res.headers.get("content-type") ?? "").startsWith("application/x-ndjson");
    text = await res.text();
  } catch (err) {
    throw new FuzzFailure("crash", "the route handler threw instead of answering", (err as Error)?.stack ?? String(err));
  } finally {
    console.error = consoleError;
  }
  const ms = performance.now() - started;
  const detail = [text.slice(0, 2000), ...logged].join("\n");
  // A request refused before its files are read (no file, a bad option) is answered as JSON even to an NDJSON client.
  if (ndjson) return { ...lastLine(status, text, detail), ms };
  return { status, code: answerCode(status, parse(text), detail), ms };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The error code of a 4xx, null for a 2xx; anything else fails.
function answerCode(status: number, body: unknown, detail: string): string | null {
  if (status >= 500) throw new FuzzFailure("server-error", `the route answered ${status}`, detail);
  if (typeof body !== "object" || body === null) throw new FuzzFailure("bad-answer", `a ${status} whose body is not JSON`, detail);
  if (status >= 200 && status < 300) return null;
  if (status < 400) throw new FuzzFailure("bad-answer", `the route answered ${status}`, detail);
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  if (typeof error?.code !== "string" || typeof error.message !== "string" || error.message === "") {
    throw new FuzzFailure("bad-answer", `a ${status} without {"error": {"code", "message"}}`, detail);
  }
  return error.code;
}

// NDJSON answers are 200 from the start; the outcome's status is in the last line.
function lastLine(status: number, text: string, detail: string): Omit<RouteOutcome, "ms"> {
  if (status !== 200) throw new FuzzFailure("bad-answer", `an NDJSON answer with status ${status}`, detail);
  const lines = text.split("\n").filter((l) => l !== "").map(parse);
  if (lines.some((l) => typeof l !== "object" || l === null)) throw new FuzzFailure("bad-answer", "an NDJSON line that is not JSON", detail);
  const last = lines.at(-1) as { type?: unknown; status?: unknown } | undefined;
  if (last?.type !== "result" && last?.type !== "error") throw new FuzzFailure("bad-answer", "NDJSON without a result or error line", detail);
  const lineStatus = typeof last.status === "number" ? last.status : NaN;
  if (last.type === "result" && !(lineStatus >= 200 && lineStatus < 300)) throw new FuzzFailure("bad-answer", `a result line with status ${lineStatus}`, detail);
  if (last.type === "error" && !(lineStatus >= 400 && lineStatus < 600)) throw new FuzzFailure("bad-answer", `an error line with status ${lineStatus}`, detail);
  return { status: lineStatus, code: answerCode(lineStatus, last, detail) };
}
