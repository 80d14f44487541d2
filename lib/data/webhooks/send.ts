// One HTTP POST of a delivery: to the address that was checked (never re-resolved on the way), with a time limit,
// without following redirects, and reading at most a little of the answer.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedTarget } from "./target-check";

export interface SendResult {
  /** the answer's status, when one came */
  status: number | null;
  ok: boolean;
  /** short, for the delivery log: no stack, no answer body */
  error: string | null;
}

const MAX_ANSWER_BYTES = 1024;

function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

function describeError(err: NodeJS.ErrnoException, timeoutMs: number): string {
  if (err.name === "TimeoutError" || err.code === "ETIMEDOUT") return `No answer within ${timeoutMs / 1000} s.`;
  if (err.code === "ECONNREFUSED") return "The connection was refused.";
  if (err.code === "ECONNRESET") return "The connection was reset.";
  if (err.code?.startsWith("ERR_TLS") || err.code?.includes("CERT")) return `TLS failed (${err.code}).`;
  return (err.code ? `${err.code}: ` : "") + (err.message || "the request failed").slice(0, 200);
}

export function postJson(target: ResolvedTarget, body: string, headers: Record<string, string>, timeoutMs: number): Promise<SendResult> {
  const { url } = target;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Patchboard-Webhooks/1" },
        lookup: pinnedLookup(target.address, target.family),
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        // Only drained up to a small limit: the answer's body is never used.
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        const done = () => {
          const ok = status >= 200 && status < 300;
          const redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
          finish({ status, ok, error: ok ? null : `HTTP ${status}${redirect}.` });
        };
        res.on("end", done);
        res.on("close", done);
        res.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(Object.assign(new Error("timeout"), { name: "TimeoutError" }));
    }, timeoutMs);
    req.on("error", (err) => finish({ status: null, ok: false, error: describeError(err, timeoutMs) }));
    req.end(body);
  });
}
