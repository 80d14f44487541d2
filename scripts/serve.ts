// The HTTP server `npm start` runs (after migrating and building): Next's own request handler behind a plain Node
// server. It exists for one reason: Next passes a client's X-Forwarded-For to the app as it came, and only adds
// the connection's address when the header is absent, so the app cannot know who connected. Here every request
// gets the address from its socket (or from trusted proxies, PATCHBOARD_TRUST_PROXY) before Next sees it; see
// lib/api/forwarded-headers.ts. It also sends the build's static assets compressed at build time, in brotli when the
// client accepts it (scripts/compressed-static.ts). It logs a JSON line per request (lib/ops/request-log.ts;
// PATCHBOARD_LOG=off turns them off), runs the webhook dispatcher and the import worker, and stops gracefully on SIGTERM and SIGINT.
// Usage: tsx scripts/serve.ts [-p PORT] [-H HOSTNAME]; PORT defaults to $PORT, then 3000. `npm start` runs it compiled
// (scripts/server-bundle.ts).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { parseArgs } from "node:util";
import { CLIENT_IP_HEADER, markServedByPatchboard } from "../lib/api/client-ip";
import { prepareRequestHeaders } from "../lib/api/forwarded-headers";
import { requestLogEnabled, trustedProxyHops } from "../lib/config";
import { db } from "../lib/data/db";
import { closeReadSessions } from "../lib/data/sql-session";
import { drainWrites } from "../lib/data/sql-write-transaction";
import { startDispatcher } from "../lib/data/webhooks/dispatcher";
import { startImportWorker } from "../lib/data/imports/import-queue";
import { markShuttingDown, shuttingDown } from "../lib/ops/process-state";
import { REQUEST_ID_HEADER, requestId, requestLine } from "../lib/ops/request-log";
import { shutDown } from "../lib/ops/shutdown";
import { serveCompressedStatic } from "./compressed-static";
import { isPrecompressed } from "./precompress";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname; // unset: every interface, as `next start` does
const hops = trustedProxyHops();
markServedByPatchboard();

// Next reads NODE_ENV when it loads, and `next start` sets it the same way.
(process.env as Record<string, string>).NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), port, ...(hostname ? { hostname } : {}) });
const handle = app.getRequestHandler();
await app.prepare();
if (!isPrecompressed()) console.warn("Patchboard: the static assets have no compressed copies (run: npx tsx scripts/precompress.ts); Next serves them gzipped.");

// The request's line is written when its answer is done (or the client has gone): the bytes are what the connection
// carried meanwhile, headers included.
function logWhenDone(req: IncomingMessage, res: ServerResponse, id: string): void {
  const started = performance.now();
  const bytesBefore = req.socket.bytesWritten;
  const client = req.headers[CLIENT_IP_HEADER];
  res.once("close", () => {
    const record = { id, method: req.method, target: req.url, status: res.statusCode, ms: performance.now() - started, bytes: req.socket.bytesWritten - bytesBefore };
    console.log(requestLine({ ...record, client: typeof client === "string" ? client : null, aborted: !res.writableFinished }));
  });
}

const logRequests = requestLogEnabled();
const server = createServer((req, res) => {
  // Before anything else reads the headers: the app sees the same id the answer carries.
  const id = requestId(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  prepareRequestHeaders(req.headers, req.socket as Partial<TLSSocket>, hops);
  if (logRequests) logWhenDone(req, res, id);
  // A request that arrives on an open connection after SIGTERM: the server no longer takes new work.
  if (shuttingDown()) {
    res.writeHead(503, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ error: { code: "shutting_down", message: "The server is shutting down; try again in a moment." } }));
    return;
  }
  if (serveCompressedStatic(req, res)) return;
  handle(req, res).catch((err: unknown) => {
    console.error("Unhandled request error:", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end();
  });
});
// Webhook deliveries are sent from the outbox by this process (every few seconds; see lib/data/webhooks/dispatcher.ts).
const webhooks = startDispatcher();
// Asynchronous uploads (Prefer: respond-async) are imported by this process's import worker, in a worker thread off
// this event loop (lib/data/imports/import-queue.ts). PATCHBOARD_IMPORT_THREAD=0 runs them on this thread instead.
const imports = startImportWorker({ thread: process.env.PATCHBOARD_IMPORT_THREAD !== "0" });
server.listen(port, hostname, () => {
  const proxies = hops ? `, behind ${hops} trusted prox${hops > 1 ? "ies" : "y"}` : "";
  console.log(`Patchboard: ready on http://${hostname ?? "localhost"}:${port}${proxies}`);
});

// On SIGTERM (a container stopping) or SIGINT (Ctrl+C): stop taking connections, stop the dispatcher (a delivery in
// flight keeps its lease, and the next start sends it again), let the requests in flight finish (an upload's import
// commits or rolls back within its request), wait for any other write, close the database. At most
// SHUTDOWN_LIMIT_MS: then the process exits and an open transaction rolls back with its connection.
// Ctrl+C reaches both `npm start` and this process, and `npm start` passes it on: a second signal changes nothing.
const requestsDone = new Promise<void>((resolve) => server.once("close", resolve));
let idleSweep: NodeJS.Timeout | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (shuttingDown()) return;
    markShuttingDown();
    void shutDown({
      signal,
      steps: [
        {
          name: "stop-accepting",
          run: () => {
            server.close();
            // A keep-alive connection is closed as soon as its answer is sent, rather than after its idle timeout.
            server.closeIdleConnections();
            idleSweep = setInterval(() => server.closeIdleConnections(), 100);
          },
        },
        { name: "stop-worker", run: () => webhooks.stop() },
        // An import job in progress is stopped and queued again: it was one transaction, so nothing of it is committed,
        // and the next start (this process's or another's) imports it from its spooled files.
        { name: "stop-imports", run: () => imports.stop() },
        { name: "finish-requests", run: () => requestsDone.finally(() => clearInterval(idleSweep)) },
        { name: "finish-writes", run: () => drainWrites() },
        { name: "close-database", run: async () => Promise.all([closeReadSessions(), db.$disconnect()]) },
      ],
    });
  });
}
