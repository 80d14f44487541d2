// Next.js's server appends the connection's address to X-Forwarded-For before a request reaches a route, so
// the last entry is the address Patchboard itself saw. Behind a reverse proxy that one is the proxy's: with
// PATCHBOARD_TRUST_PROXY=1 the first entry (the client, as the proxy reports it) is used instead. Trusting it
// without a proxy would let anyone pick their address and dodge the per-address sign-in limit.
export function clientIp(headers: Headers): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const address = process.env.PATCHBOARD_TRUST_PROXY === "1" ? forwarded[0] : forwarded.at(-1);
  return address?.slice(0, 64) || headers.get("x-real-ip")?.slice(0, 64) || null;
}
