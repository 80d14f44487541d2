// The client's address, for the audit log and the per-address sign-in limit. X-Forwarded-For is whatever the client
// sends, and Next's server only adds the connection's address when the header is absent, so a route handler cannot
// tell a forged header from a real one. `npm start` therefore serves Next through scripts/serve.ts, which decides
// the address from the socket (and, with PATCHBOARD_TRUST_PROXY=N, from the entry N proxies in from the right) and
// passes it on in CLIENT_IP_HEADER, replacing anything a client sent under that name.
import { isIP } from "node:net";
import { trustedProxyHops } from "../config";
import { readableAddress } from "../domain/addresses";

export const CLIENT_IP_HEADER = "x-patchboard-client-ip";
const SERVED_BY_PATCHBOARD = Symbol.for("patchboard.clientIpHeader");
const MAX_FORWARDED_LENGTH = 4096;
const MAX_FORWARDED_ENTRIES = 32;

type Global = typeof globalThis & { [SERVED_BY_PATCHBOARD]?: boolean };

/** Called by scripts/serve.ts before Next loads: from then on CLIENT_IP_HEADER is the server's own. */
export function markServedByPatchboard(on = true): void {
  (globalThis as Global)[SERVED_BY_PATCHBOARD] = on;
}

/** True inside the server of scripts/serve.ts, whose forwarding headers are its own. */
export function servedByPatchboard(): boolean {
  return (globalThis as Global)[SERVED_BY_PATCHBOARD] === true;
}

/** An address as people write it ("::ffff:192.0.2.1" is 192.0.2.1), or null when it is not an IP address. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let address = (raw ?? "").trim();
  if (address.length > 64) return null;
  // Some proxies write a port: "[2001:db8::1]:443", "192.0.2.1:5000".
  address = /^\[([^\]]+)\](?::\d+)?$/.exec(address)?.[1] ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address)?.[1] ?? address;
  address = readableAddress(address);
  return isIP(address) ? address.toLowerCase() : null;
}

/** The entries of a comma-separated forwarding header, bounded in length and count. */
export function forwardedEntries(header: string | string[] | null | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  return joined.slice(0, MAX_FORWARDED_LENGTH).split(",").map((s) => s.trim()).filter(Boolean).slice(-MAX_FORWARDED_ENTRIES);
}

/**
 * The entry `hops` trusted proxies in from the right of a forwarding header: each proxy appends the address it was
 * connected from, so with one proxy the last entry is the client, with two the one before it. A chain shorter
 * than that (a request that skipped a proxy) gives its leftmost entry.
 */
export function entryFromRight(entries: string[], hops: number): string | undefined {
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - hops)];
}

/**
 * The client's address from the connection's address and X-Forwarded-For: the socket's own without trusted
 * proxies, else the entry `hops` in from the right of [...X-Forwarded-For, socket] (the socket being the nearest
 * proxy). Null when that is not an IP address.
 */
export function clientAddress(socketAddress: string | null | undefined, forwardedFor: string | string[] | null | undefined, hops: number): string | null {
  if (hops <= 0) return normalizeAddress(socketAddress);
  const chain = [...forwardedEntries(forwardedFor), ...(socketAddress ? [socketAddress] : [])];
  return normalizeAddress(entryFromRight(chain, hops + (socketAddress ? 1 : 0)));
}

let warned = false;

/** The address of the client behind these request headers, or null when it cannot be known. */
export function clientIp(headers: Headers): string | null {
  if (servedByPatchboard()) return normalizeAddress(headers.get(CLIENT_IP_HEADER));
  // Not behind scripts/serve.ts (a plain `next start`): the socket cannot be seen from here. Only a trusted proxy's
  // X-Forwarded-For can then be believed (Next does not add to one that is present).
  const hops = trustedProxyHops();
  if (hops > 0) return clientAddress(null, headers.get("x-forwarded-for"), hops);
  if (!warned) {
    warned = true;
    console.warn("Patchboard: client addresses are unknown (the audit log and the per-address sign-in limit go without). Start with `npm start`, or set PATCHBOARD_TRUST_PROXY behind a reverse proxy.");
  }
  return null;
}
