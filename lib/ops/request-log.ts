// One log line per request (scripts/serve.ts): who asked what, the answer's status, size and time, and the request
// id that ties the line to the answer's X-Request-Id header. It is built only from the fields below, never from the
// headers, cookies or body, and the path goes without its query string (a query may carry a token one day), so a
// secret in a request cannot reach the log.
import { randomUUID } from "node:crypto";
import { logLine } from "./log-line";

export const REQUEST_ID_HEADER = "x-request-id";

// An id a proxy in front made is kept (so its log and ours share it) only when it cannot smuggle anything into a
// header or a log line: letters, digits, dot, underscore and hyphen, 8 to 64 of them. A UUID passes.
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The request's id: the incoming X-Request-Id when it is sane, else a new one. */
export function requestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

const MAX_PATH = 512;

/**
 * The path of a request target, without its query string and fragment (and without scheme and host, when a client
 * sent the absolute form), bounded in length.
 */
export function logPath(target: string | undefined): string {
  let path = (target ?? "").replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  path = path.split(/[?#]/, 1)[0] || "/";
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}...` : path;
}

export interface RequestRecord {
  id: string;
  method: string | undefined;
  /** the request target as it came (req.url); only its path is logged */
  target: string | undefined;
  status: number;
  ms: number;
  /** bytes written to the connection for this answer, headers included */
  bytes: number;
  /** the client's address as serve.ts decided it (the socket's, or a trusted proxy's word) */
  client: string | null;
  /** the client went away before the answer was sent */
  aborted: boolean;
}

export function requestLine(r: RequestRecord, now = new Date()): string {
  return logLine(
    "request",
    {
      id: r.id,
      method: r.method ?? "",
      path: logPath(r.target),
      status: r.status,
      ms: Math.round(r.ms * 10) / 10,
      bytes: r.bytes,
      client: r.client,
      ...(r.aborted ? { aborted: true } : {}),
    },
    now,
  );
}
