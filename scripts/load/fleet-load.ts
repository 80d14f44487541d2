// The load the fault and load scripts put on a running app (multi-process-test.ts, soak.ts, crash-test.ts): distinct
// canonical CSV files, uploads through POST /api/v1/scans, readers of the fleet routes, and the figures they report.
import http from "node:http";

// Requests go through node:http with a deadline of their own rather than fetch: with 70 clients at once, a fetch
// once never settled (no socket left, no error) and the soak waited forever, where a request must end as an answer
// or as an error the report names.
const agent = new http.Agent({ keepAlive: true });

interface HttpAnswer {
  status: number;
  text: string;
}

export class RequestTimeout extends Error {
  name = "TimeoutError";
}

function request(url: string, { method = "GET", headers = {}, body, timeoutMs }: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs: number }): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { ...headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", fail);
    });
    function fail(err: Error) {
      clearTimeout(timer);
      reject(err);
    }
    const timer = setTimeout(() => {
      req.destroy(new RequestTimeout(`${method} ${new URL(url).pathname}: no answer in ${timeoutMs} ms`));
    }, timeoutMs);
    req.on("error", fail);
    req.end(body);
  });
}

const BUILDS = ["15.1.2176.2", "15.1.2176.9", "15.2.792.3", "15.2.792.10"];

export interface CsvShape {
  rows: number;
  /** organizations the rows spread over, shared by every uploader: imports contend for their counts */
  orgs: number;
  /** hostname prefix: each uploader has servers of its own */
  prefix: string;
  /** days between two files of one uploader (each file is a later scan of the same servers) */
  dayStep: number;
}

/** Uploader `uploader`'s file `file`: every row a new scan (its own server and time), so every row is accepted. */
export function csvFile(uploader: number, file: number, shape: CsvShape): string {
  const lines = ["organization,hostname,exchange_build,scanned_at"];
  for (let n = 0; n < shape.rows; n++) {
    const build = BUILDS[(n + file) % BUILDS.length];
    const at = new Date(Date.UTC(2021, 2, 3 + file * shape.dayStep, 8, n % 60, uploader % 60));
    lines.push(`Load Org ${n % shape.orgs},${shape.prefix}-U${uploader}-${String(n).padStart(5, "0")},${build},${at.toISOString()}`);
  }
  return `${lines.join("\n")}\n`;
}

export interface Upload {
  status: number;
  accepted: number;
  duplicate: boolean;
}

/** Uploads one CSV body; throws unless it is answered 201 or 200 with an import. */
export async function upload(base: string, token: string, csv: string, timeoutMs = 300_000): Promise<Upload> {
  const res = await request(`${base}/api/v1/scans`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, body: csv, timeoutMs });
  const body = JSON.parse(res.text) as { import?: { accepted: number; duplicate: boolean }; error?: unknown };
  if ((res.status !== 201 && res.status !== 200) || !body.import) throw new Error(`upload answered ${res.status}: ${res.text.slice(0, 300)}`);
  return { status: res.status, accepted: body.import.accepted, duplicate: body.import.duplicate };
}

/** A small fleet before a fault, so "exactly as before" compares something: two files of 1,000 rows. */
export async function importBaseline(base: string, token: string): Promise<number> {
  let accepted = 0;
  for (const u of [0, 1]) accepted += (await upload(base, token, csvFile(u, 0, { rows: 1000, orgs: 10, prefix: "BASE", dayStep: 1 }))).accepted;
  return accepted;
}

/** What the readers of the soak and the crash test ask for: the summary, a servers page and the trend. */
export const FLEET_READS = ["/api/v1/summary", "/api/v1/servers?pageSize=25&page=2", "/api/v1/trend"];

export interface ReadOutcome {
  path: string;
  status: number;
  ms: number;
  /** the error code of a JSON error answer, "timeout" or "network: …" when there was no answer */
  code?: string;
}

/** One GET with a time limit: a hang is reported as status 0 with code "timeout", never waited out. */
export async function timedGet(base: string, token: string, path: string, timeoutMs = 15_000): Promise<ReadOutcome> {
  const t0 = performance.now();
  try {
    const res = await request(base + path, { headers: { authorization: `Bearer ${token}` }, timeoutMs });
    let code: string | undefined;
    if (res.status !== 200) {
      try {
        code = (JSON.parse(res.text) as { error?: { code?: string } }).error?.code ?? "not-json-error";
      } catch {
        code = "not-json";
      }
    }
    return { path, status: res.status, ms: performance.now() - t0, code };
  } catch (err) {
    const timeout = err instanceof RequestTimeout;
    return { path, status: 0, ms: performance.now() - t0, code: timeout ? "timeout" : `network: ${(err as Error).message}` };
  }
}

/** Reads `paths` in turn until `done()`, recording every outcome. */
export async function reader(base: string, token: string, paths: string[], done: () => boolean, out: ReadOutcome[], offset = 0, timeoutMs?: number): Promise<void> {
  for (let i = offset; !done(); i++) out.push(await timedGet(base, token, paths[i % paths.length], timeoutMs));
}

/** Nearest-rank percentile of an ascending array (0 when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** One fault scenario's verdict and its figures, for the table a script prints at the end. */
export interface Outcome {
  target: string;
  lines: string[];
  ok: boolean;
}

export interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

/** Prints each check; true when all passed. */
export function report(checks: Check[]): boolean {
  for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.what}: ${c.detail}`);
  return checks.every((c) => c.ok);
}

export interface ProgressLine {
  type: "progress" | "result" | "error";
  status?: number;
  phase?: "reading" | "writing" | "computing";
  rows?: number;
  import?: { accepted: number; duplicate: boolean };
  error?: { code: string; message: string };
}

/**
 * Uploads a file from disk as a stream and follows the NDJSON progress (Accept: application/x-ndjson, as the upload
 * page does): `onLine` sees every line; answers the last one. Rejects when the connection breaks first.
 */
export async function streamUpload(base: string, token: string, path: string, onLine: (line: ProgressLine) => void = () => {}): Promise<ProgressLine> {
  const { createReadStream } = await import("node:fs");
  const { Readable } = await import("node:stream");
  const res = await fetch(`${base}/api/v1/scans`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", accept: "application/x-ndjson" },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  if (!res.body || !(res.headers.get("content-type") ?? "").includes("ndjson")) {
    return { type: "error", status: res.status, error: ((await res.json().catch(() => ({}))) as { error?: ProgressLine["error"] }).error };
  }
  const decoder = new TextDecoder();
  let buffered = "";
  let last: ProgressLine | null = null;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf("\n")) !== -1) {
      const line = JSON.parse(buffered.slice(0, nl)) as ProgressLine;
      buffered = buffered.slice(nl + 1);
      onLine(line);
      last = line;
    }
  }
  if (!last || last.type === "progress") throw new Error("the upload's answer ended before its result");
  return last;
}
