// The HTTP server `npm start` runs (after migrating and building): Next's own request handler behind a plain Node
// server. It exists for one reason: Next passes a client's X-Forwarded-For to the app as it came, and only adds
// the connection's address when the header is absent, so the app cannot know who connected. Here every request
// gets the address from its socket (or from trusted proxies, PATCHBOARD_TRUST_PROXY) before Next sees it; see
// lib/api/forwarded-headers.ts. It also sends the build's static assets compressed at build time, in brotli when the
// client accepts it (scripts/compressed-static.ts). It logs a JSON line per request (lib/ops/request-log.ts;
// PATCHBOARD_LOG=off turns them off) and runs the webhook dispatcher.
// Usage: tsx scripts/serve.ts [-p PORT] [-H HOSTNAME]; PORT defaults to $PORT, then 3000.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { parseArgs } from "node:util";
import { CLIENT_IP_HEADER, markServedByPatchboard } from "../lib/api/client-ip";
import { prepareRequestHeaders } from "../lib/api/forwarded-headers";
import { requestLogEnabled, trustedProxyHops } from "../lib/config";
import { startDispatcher } from "../lib/data/webhooks/dispatcher";
import { REQUEST_ID_HEADER, requestId, requestLine } from "../lib/ops/request-log";
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
  if (serveCompressedStatic(req, res)) return;
  handle(req, res).catch((err: unknown) => {
    console.error("Unhandled request error:", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end();
  });
});
// Webhook deliveries are sent from the outbox by this process (every few seconds; see lib/data/webhooks/dispatcher.ts).
const webhooks = startDispatcher();
server.listen(port, hostname, () => {
  const proxies = hops ? `, behind ${hops} trusted prox${hops > 1 ? "ies" : "y"}` : "";
  console.log(`Patchboard: ready on http://${hostname ?? "localhost"}:${port}${proxies}`);
});

// Finish the requests in flight, then stop (e.g. on Ctrl+C or a container's SIGTERM).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // A delivery in flight when the process ends keeps its lease, and the next start sends it again.
    void webhooks.stop();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
