import { describe, expect, it } from "vitest";
import {
  API_CONTENT_SECURITY_POLICY,
  COMMON_SECURITY_HEADERS,
  contentSecurityPolicy,
  createNonce,
  isHttpsRequest,
  securityHeaders,
  STRICT_TRANSPORT_SECURITY,
} from "./headers";

const NONCE = "c2VjdXJpdHktbm9uY2UtMQ==";

/** A policy as a map from directive name to its source list. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with this response's nonce (and what they load), never inline", () => {
    const scripts = directives(contentSecurityPolicy({ nonce: NONCE })).get("script-src");
    expect(scripts).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("adds 'unsafe-eval' for scripts in development only", () => {
    const dev = directives(contentSecurityPolicy({ nonce: NONCE, dev: true }));
    expect(dev.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    const prod = contentSecurityPolicy({ nonce: NONCE, dev: false });
    expect(prod).not.toContain("unsafe-eval");
  });

  it("sends the fixed directives", () => {
    const policy = directives(contentSecurityPolicy({ nonce: NONCE }));
    expect(Object.fromEntries(policy)).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("keeps the nonce out of style-src, where it would switch 'unsafe-inline' off", () => {
    expect(directives(contentSecurityPolicy({ nonce: NONCE })).get("style-src")).not.toContain(`'nonce-${NONCE}'`);
  });

  it("upgrades insecure requests only over HTTPS", () => {
    expect(directives(contentSecurityPolicy({ nonce: NONCE, https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(contentSecurityPolicy({ nonce: NONCE, https: false })).has("upgrade-insecure-requests")).toBe(false);
  });

  it("is one header line of '; '-separated directives", () => {
    const policy = contentSecurityPolicy({ nonce: NONCE, dev: true, https: true });
    expect(policy).not.toMatch(/[\r\n]/);
    expect(policy).not.toMatch(/;\s*;|^\s|\s$|;$/);
  });

  it("refuses a nonce that could break out of the header or the policy", () => {
    for (const nonce of ["", "short", `${NONCE}' 'unsafe-inline`, `${NONCE}; script-src *`, `${NONCE}\r\nX-Evil: 1`]) {
      expect(() => contentSecurityPolicy({ nonce }), JSON.stringify(nonce)).toThrow(/nonce/);
    }
  });
});

describe("securityHeaders", () => {
  it("sends nosniff, the referrer policy, frame denial and the permissions policy", () => {
    expect(Object.fromEntries(securityHeaders({ https: false }))).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    });
  });

  it("adds HSTS over HTTPS only", () => {
    expect(Object.fromEntries(securityHeaders({ https: true }))["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(securityHeaders({ https: false }).map(([name]) => name)).not.toContain("Strict-Transport-Security");
    expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=63072000; includeSubDomains");
  });

  it("returns a fresh list each time (callers may add to it)", () => {
    const list = securityHeaders({ https: false });
    list.push(["X-Test", "1"]);
    expect(securityHeaders({ https: false })).toHaveLength(COMMON_SECURITY_HEADERS.length);
  });
});

describe("API_CONTENT_SECURITY_POLICY", () => {
  it("allows nothing and no framing", () => {
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("isHttpsRequest", () => {
  it("believes X-Forwarded-Proto first, its first (client-side) entry", () => {
    expect(isHttpsRequest("https", "http:")).toBe(true);
    expect(isHttpsRequest("HTTPS", "http:")).toBe(true);
    expect(isHttpsRequest(" https , http", "http:")).toBe(true);
    expect(isHttpsRequest("http", "https:")).toBe(false);
    expect(isHttpsRequest("http, https", "http:")).toBe(false);
  });

  it("falls back to the URL's protocol without the header", () => {
    expect(isHttpsRequest(null, "https:")).toBe(true);
    expect(isHttpsRequest(undefined, "http:")).toBe(false);
    expect(isHttpsRequest("", "https:")).toBe(true);
  });
});

describe("createNonce", () => {
  it("makes 128-bit base64 nonces that the policy accepts", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(() => contentSecurityPolicy({ nonce })).not.toThrow();
  });

  it("makes a different nonce each time", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
  });
});
