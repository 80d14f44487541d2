// What scripts/serve.ts does to each request before Next sees it, and what the app then believes about the
// connection. A client can send any X-Forwarded-* header; only a trusted reverse proxy's are facts.
import type { IncomingHttpHeaders } from "node:http";
import { trustedProxyHops } from "../config";
import { CLIENT_IP_HEADER, clientAddress, entryFromRight, forwardedEntries, servedByPatchboard } from "./client-ip";

// Without a trusted proxy each of these can only have come from the client.
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto", "x-real-ip"];

/**
 * Rewrites the request's headers in place: the client's address in CLIENT_IP_HEADER (whatever a client sent under
 * that name is replaced), and one X-Forwarded-Proto, http or https. Without trusted proxies every forwarding
 * header is dropped first; Next then fills in X-Forwarded-For, -Host and -Port from the connection itself.
 */
export function prepareRequestHeaders(headers: IncomingHttpHeaders, socket: { remoteAddress?: string; encrypted?: boolean }, hops: number): void {
  const address = clientAddress(socket.remoteAddress, headers["x-forwarded-for"], hops);
  const forwardedProto = hops > 0 ? entryFromRight(forwardedEntries(headers["x-forwarded-proto"]), hops) : undefined;
  const https = forwardedProto ? forwardedProto.toLowerCase() === "https" : socket.encrypted === true;
  if (hops === 0) for (const name of FORWARDING_HEADERS) delete headers[name];
  headers["x-forwarded-proto"] = https ? "https" : "http";
  if (address) headers[CLIENT_IP_HEADER] = address;
  else delete headers[CLIENT_IP_HEADER];
}

/** Whether the client's own connection was HTTPS (to Patchboard, or to the outermost trusted proxy). */
export function requestIsHttps(headers: Headers): boolean {
  if (servedByPatchboard()) return headers.get("x-forwarded-proto") === "https";
  // A plain `next start`: only a trusted proxy's word counts (Next passes a client's header through as it came).
  const hops = trustedProxyHops();
  return hops > 0 && entryFromRight(forwardedEntries(headers.get("x-forwarded-proto")), hops)?.trim().toLowerCase() === "https";
}
