// The HTTP server `npm start` runs (after migrating and building): Next's own request handler behind a plain Node
// server. It exists for one reason: Next passes a client's X-Forwarded-For to the app as it came, and only adds
// the connection's address when the header is absent, so the app cannot know who connected. Here every request
// gets the address from its socket (or from trusted proxies, PATCHBOARD_TRUST_PROXY) before Next sees it; see
// lib/api/forwarded-headers.ts. It also sends the build's static assets compressed at build time, in brotli when the
// client accepts it (scripts/compressed-static.ts).
// Usage: tsx scripts/serve.ts [-p PORT] [-H HOSTNAME]; PORT defaults to $PORT, then 3000.
import { createServer } from "node:http";
import type { TLSSocket } from "node:tls";
import { parseArgs } from "node:util";
import { markServedByPatchboard } from "../lib/api/client-ip";
import { prepareRequestHeaders } from "../lib/api/forwarded-headers";
import { trustedProxyHops } from "../lib/config";
import { startDispatcher } from "../lib/data/webhooks/dispatcher";
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

const server = createServer((req, res) => {
  prepareRequestHeaders(req.headers, req.socket as Partial<TLSSocket>, hops);
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
