import type { IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_IP_HEADER, clientAddress, clientIp, markServedByPatchboard, normalizeAddress } from "./client-ip";
import { prepareRequestHeaders, requestIsHttps } from "./forwarded-headers";

afterEach(() => {
  markServedByPatchboard(false);
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** What the app sees after scripts/serve.ts prepared a request from this socket with these headers. */
function served(headers: IncomingHttpHeaders, socket: { remoteAddress?: string; encrypted?: boolean }, hops = 0) {
  const copy = { ...headers };
  prepareRequestHeaders(copy, socket, hops);
  markServedByPatchboard();
  const h = new Headers(Object.entries(copy).map(([k, v]) => [k, String(v)] as [string, string]));
  return { ip: clientIp(h), https: requestIsHttps(h), headers: copy };
}

describe("issue 8 item 9: the client address cannot be forged", () => {
  it("issue 8 item 9: a client's own X-Forwarded-For is never its address", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    // Straight from a request, as a route handler under a plain `next start` sees it.
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.66" }))).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.66, 192.0.2.1" }))).toBeNull();
    // Behind scripts/serve.ts the socket decides, whatever the client sends.
    const forged = served({ "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67", [CLIENT_IP_HEADER]: "203.0.113.68", forwarded: "for=203.0.113.69" }, { remoteAddress: "192.0.2.10" });
    expect(forged.ip).toBe("192.0.2.10");
    expect(forged.headers["x-forwarded-for"]).toBeUndefined(); // Next fills it in from the socket
    expect(forged.headers["x-real-ip"]).toBeUndefined();
    expect(forged.headers.forwarded).toBeUndefined();
  });

  it("writes IPv4-mapped addresses as people write them", () => {
    expect(served({}, { remoteAddress: "::ffff:192.0.2.10" }).ip).toBe("192.0.2.10");
    expect(served({}, { remoteAddress: "::1" }).ip).toBe("::1");
    expect(served({}, { remoteAddress: "2001:DB8::1" }).ip).toBe("2001:db8::1");
  });

  it("with N trusted proxies takes the address N in from the right", () => {
    const xff = "198.51.100.1, 203.0.113.5, 10.0.0.2";
    expect(served({ "x-forwarded-for": xff }, { remoteAddress: "10.0.0.1" }, 1).ip).toBe("10.0.0.2");
    expect(served({ "x-forwarded-for": xff }, { remoteAddress: "10.0.0.1" }, 2).ip).toBe("203.0.113.5");
    // A forged first entry is never reached with one proxy: the proxy appended the real one.
    expect(served({ "x-forwarded-for": "1.2.3.4, 203.0.113.5" }, { remoteAddress: "::ffff:10.0.0.1" }, 1).ip).toBe("203.0.113.5");
    // Fewer entries than proxies (a request that came round a proxy): the leftmost one.
    expect(served({}, { remoteAddress: "192.0.2.10" }, 1).ip).toBe("192.0.2.10");
    expect(served({ "x-forwarded-for": "::ffff:198.51.100.7" }, { remoteAddress: "10.0.0.1" }, 3).ip).toBe("198.51.100.7");
  });

  it("answers null for an entry that is not an address", () => {
    expect(served({ "x-forwarded-for": "unknown" }, { remoteAddress: "10.0.0.1" }, 1).ip).toBeNull();
    expect(clientAddress("10.0.0.1", "x".repeat(10_000), 1)).toBeNull();
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.1:5000")).toBe("192.0.2.1");
    expect(normalizeAddress("192.0.2.1; DROP TABLE")).toBeNull();
  });

  it("under a plain `next start` behind trusted proxies, reads their X-Forwarded-For", () => {
    vi.stubEnv("PATCHBOARD_TRUST_PROXY", "1");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.66, 198.51.100.2" }))).toBe("198.51.100.2");
  });
});

describe("requestIsHttps", () => {
  it("believes X-Forwarded-Proto only from trusted proxies", () => {
    expect(served({ "x-forwarded-proto": "https" }, { remoteAddress: "192.0.2.10" }).https).toBe(false);
    expect(served({}, { remoteAddress: "192.0.2.10", encrypted: true }).https).toBe(true);
    expect(served({ "x-forwarded-proto": "https" }, { remoteAddress: "10.0.0.1" }, 1).https).toBe(true);
    expect(served({ "x-forwarded-proto": "https, http" }, { remoteAddress: "10.0.0.1" }, 2).https).toBe(true);
    expect(served({ "x-forwarded-proto": "https, http" }, { remoteAddress: "10.0.0.1" }, 1).https).toBe(false);
    expect(served({}, { remoteAddress: "10.0.0.1" }, 1).https).toBe(false);
  });

  it("under a plain `next start`, only with PATCHBOARD_TRUST_PROXY", () => {
    expect(requestIsHttps(new Headers({ "x-forwarded-proto": "https" }))).toBe(false);
    vi.stubEnv("PATCHBOARD_TRUST_PROXY", "1");
    expect(requestIsHttps(new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
  });
});
