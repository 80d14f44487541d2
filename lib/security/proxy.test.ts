// proxy.ts and next.config.js together: which requests the proxy sees, what it sends, and that
// next.config.js gives everything else the same headers as lib/security/headers.ts.
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import nextConfig from "../../next.config.js";
import { config, proxy } from "../../proxy";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./headers";

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("proxy matcher", () => {
  const matches = (url: string) => unstable_doesMiddlewareMatch({ config, nextConfig, url });

  it("runs on pages, including the 404 page, public files, prefetches and the API reference", () => {
    for (const url of ["/", "/upload", "/servers/12", "/organizations/harbor-county?tab=servers", "/no-such-page", "/icon.svg", "/example-scan.csv", "/apiary", "/api/docs"]) {
      expect(matches(url), url).toBe(true);
    }
    expect(unstable_doesMiddlewareMatch({ config, nextConfig, url: "/", headers: { "next-router-prefetch": "1" } })).toBe(true);
  });

  it("never runs on API routes (it would buffer and cut streamed uploads; the health and readiness probes have no session) nor on build assets", () => {
    for (const url of ["/api", "/api/v1/scans?organization=x", "/api/v1/summary", "/api/v1/openapi.json", "/api/docsx", "/api/docs/x", "/api/health", "/api/ready", "/_next/static/chunks/main.js", "/_next/image?url=%2Fa.png&w=64&q=75"]) {
      expect(matches(url), url).toBe(false);
    }
  });
});

// A request carrying a session cookie: the gate only looks for the cookie; the data layer checks the session.
const signedIn = (url: string, headers: Record<string, string> = {}) =>
  new NextRequest(url, { headers: { cookie: "better-auth.session_token=some-token.signature", ...headers } });

describe("proxy: the sign-in gate", () => {
  it("sends a page request without a session cookie to sign in, with the page to come back to", () => {
    const res = proxy(new NextRequest("http://localhost/servers/12?tab=scans"));
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("next")).toBe("/servers/12?tab=scans");
    expect(res.headers.get("content-security-policy")).toBeTruthy();
  });

  it("lets the sign-in and setup pages and public files through without a session", () => {
    for (const path of ["/sign-in", "/setup", "/example-scan.csv", "/icon.svg"]) {
      expect(proxy(new NextRequest(`http://localhost${path}`)).headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it("lets a request with a session cookie through", () => {
    expect(proxy(signedIn("http://localhost/servers")).headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("passes the CSP and its nonce to the render on the request, and sends the CSP", () => {
    const response = proxy(signedIn("http://localhost:3000/", { "x-nonce": "forged-by-the-client" }));
    const csp = response.headers.get("content-security-policy");
    const nonce = nonceOf(csp);
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).not.toContain("unsafe-inline' 'strict");
    // NextResponse.next({ request: { headers } }) encodes the overridden request headers so.
    const overridden = response.headers.get("x-middleware-override-headers")?.split(",") ?? [];
    expect(overridden).toEqual(expect.arrayContaining(["x-nonce", "content-security-policy"]));
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("uses a new nonce for every request", () => {
    const a = nonceOf(proxy(signedIn("http://localhost/")).headers.get("content-security-policy"));
    const b = nonceOf(proxy(signedIn("http://localhost/")).headers.get("content-security-policy"));
    expect(a).not.toBe(b);
  });

  it("sends the other security headers, HSTS only for HTTPS", () => {
    const plain = proxy(signedIn("http://localhost/upload"));
    for (const [name, value] of securityHeaders({ https: false })) expect(plain.headers.get(name)).toBe(value);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");

    const forwarded = proxy(new NextRequest("http://localhost/upload", { headers: { "x-forwarded-proto": "https" } }));
    expect(forwarded.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(forwarded.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");

    const direct = proxy(signedIn("https://patchboard.example/upload"));
    expect(direct.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");

    const downgraded = proxy(new NextRequest("https://patchboard.example/upload", { headers: { "x-forwarded-proto": "http" } }));
    expect(downgraded.headers.get("strict-transport-security")).toBeNull();
  });

  it("allows eval in development only", () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(proxy(signedIn("http://localhost/")).headers.get("content-security-policy")).toContain("'unsafe-eval'");
    vi.stubEnv("NODE_ENV", "production");
    expect(proxy(signedIn("http://localhost/")).headers.get("content-security-policy")).not.toContain("unsafe-eval");
  });
});

describe("next.config.js headers", () => {
  const respond = (url: string, headers?: Record<string, string>) => unstable_getResponseFromNextConfig({ url, nextConfig, headers });

  it("gives API responses the common headers and the strict JSON CSP", async () => {
    for (const url of ["http://localhost/api/v1/summary", "http://localhost/api", "http://localhost/api/v1/openapi.json", "http://localhost/api/docsx", "http://localhost/api/docs/x"]) {
      const res = await respond(url);
      for (const [name, value] of securityHeaders({ https: false })) expect(res.headers.get(name), `${url} ${name}`).toBe(value);
      expect(res.headers.get("content-security-policy"), url).toBe(API_CONTENT_SECURITY_POLICY);
      expect(res.headers.get("strict-transport-security"), url).toBeNull();
    }
  });

  it("gives static assets the common headers and no page CSP", async () => {
    const res = await respond("http://localhost/_next/static/chunks/main.js");
    for (const [name, value] of securityHeaders({ https: false })) expect(res.headers.get(name), name).toBe(value);
    expect(res.headers.get("content-security-policy")).toBeNull();
  });

  it("does not put a second CSP on pages (the proxy sends theirs), the API reference included", async () => {
    expect((await respond("http://localhost/")).headers.get("content-security-policy")).toBeNull();
    expect((await respond("http://localhost/api/docs")).headers.get("content-security-policy")).toBeNull();
    for (const [name, value] of securityHeaders({ https: false })) expect((await respond("http://localhost/api/docs")).headers.get(name), name).toBe(value);
    expect((await respond("http://localhost/apiary")).headers.get("content-security-policy")).toBeNull();
  });

  it("adds HSTS when the reverse proxy says the request came over HTTPS, as isHttpsRequest does", async () => {
    const hsts = Object.fromEntries(securityHeaders({ https: true }))["Strict-Transport-Security"];
    for (const proto of ["https", "HTTPS", "https, http", " https "]) {
      const res = await respond("http://localhost/api/v1/summary", { "x-forwarded-proto": proto });
      expect(res.headers.get("strict-transport-security"), proto).toBe(hsts);
    }
    for (const proto of ["http", "http, https", "httpsx"]) {
      const res = await respond("http://localhost/_next/static/chunks/main.js", { "x-forwarded-proto": proto });
      expect(res.headers.get("strict-transport-security"), proto).toBeNull();
    }
  });
});
