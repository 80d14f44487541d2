// Is this error the database being away (stopped, restarting, unreachable, out of connections), rather than a bug or
// a bad request? Such a failure is answered 503 `database_unavailable` with Retry-After (lib/api/error-response.ts):
// the client should try again, and nothing it sent was wrong. Errors reach us in several wrappings: pg's own
// (a socket error, a DatabaseError with a SQLSTATE, a plain "Connection terminated"), Prisma's driver adapter
// (a DriverAdapterError whose cause has a kind, or the original code), and Prisma's client around that
// (P1001…, with the adapter's error in `meta.driverAdapterError`). This looks at each layer by shape, so it needs
// neither library's classes and is unit-tested with plain objects.

/** Node's socket errors: nothing listens, the peer went away, the network is down. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** Prisma: cannot reach, timed out, operations timed out, server closed the connection, no connection from the pool. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Prisma's driver adapters name the same failures by kind. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * SQLSTATE: class 08 (connection exceptions), 57P01 admin shutdown (a fast stop ends every session with it), 57P02
 * crash shutdown, 57P03 cannot connect now (starting up or shutting down), 53300 too many connections.
 */
const PG_STATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** SQLite: the file cannot be opened, or another writer held it past the busy timeout. */
const SQLITE_CODES = new Set(["SQLITE_CANTOPEN", "SQLITE_BUSY"]);
/** pg's errors without a code, when a connection dies under a query or cannot be had in time. */
const PG_MESSAGES = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed and is not queryable)/;

type Layer = { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

function layerSaysUnavailable(e: Layer): boolean {
  for (const code of [e.code, e.originalCode]) {
    if (typeof code !== "string") continue;
    if (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || PG_STATE.test(code) || SQLITE_CODES.has(code)) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  return typeof e.message === "string" && PG_MESSAGES.test(e.message);
}

export function isDatabaseUnavailable(err: unknown): boolean {
  // Breadth over the wrappings, bounded: an error's cause chain is short, and a cycle must not loop.
  const queue: unknown[] = [err];
  for (let seen = 0; queue.length > 0 && seen < 12; seen++) {
    const e = queue.shift();
    if (typeof e !== "object" || e === null) continue;
    const layer = e as Layer;
    if (layerSaysUnavailable(layer)) return true;
    queue.push(layer.cause, layer.meta?.driverAdapterError);
    if (Array.isArray((e as { errors?: unknown }).errors)) queue.push(...(e as { errors: unknown[] }).errors);
  }
  return false;
}

/** For the log: Prisma's messages run over several lines (the call, then the cause), and the cause is the last. */
export function lastLine(err: unknown): string {
  const lines = (err instanceof Error ? err.message : String(err)).split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.at(-1) ?? "").slice(0, 300);
}
