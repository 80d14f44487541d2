// Runs before every page request (Next 16 "proxy", formerly middleware), as small steps:
//   1. signInRedirect: pages need a session cookie, else the visitor goes to sign in (and back after);
//   2. forwardWithNonce: a fresh CSP nonce for this response, passed on to the render;
//   3. withSecurityHeaders: CSP and the other security headers on whatever response we send.
// The header values come from lib/security/headers.ts.
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, isHttpsRequest, securityHeaders } from "@/lib/security/headers";

export const config = {
  matcher: [
    // Everything except:
    // - /api: JSON responses, and streamed uploads of hundreds of MB. When a proxy runs on a
    //   request, Next buffers its body for it and cuts it at 10 MB (proxyClientMaxBodySize),
    //   so the upload routes must never pass through here. next.config.js headers() gives
    //   /api its headers (including a strict CSP).
    // - /_next/static and /_next/image: build assets, headers from next.config.js as well.
    // Prefetches are deliberately not skipped, so that a sign-in gate sees them too.
    "/((?!api(?:/|$)|_next/static/|_next/image(?:/|$)).*)",
    // The one page under /api: the API reference (a GET with no body), a page like the others.
    "/api/docs",
  ],
};

export function proxy(request: NextRequest): NextResponse {
  const https = isHttpsRequest(request.headers.get("x-forwarded-proto"), request.nextUrl.protocol);
  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const response = signInRedirect(request) ?? forwardWithNonce(request, nonce, csp);
  return withSecurityHeaders(response, csp, https);
}

// Pages anyone may open: signing in, the one-time setup (it checks itself that no user exists), and files from
// public/ (the example CSV, the icon).
const PUBLIC_PATHS = new Set(["/sign-in", "/setup"]);
const PUBLIC_FILE = /\.[a-z0-9]+$/i;

/**
 * The sign-in gate, by the cookie's presence only: a fast answer for visitors who are plainly signed out. The
 * session itself (expired, revoked, deactivated user) is checked by every page and route in the data layer.
 */
function signInRedirect(request: NextRequest): NextResponse | undefined {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.has(pathname) || PUBLIC_FILE.test(pathname) || getSessionCookie(request)) return undefined;
  const target = new URL("/sign-in", request.url);
  if (pathname !== "/") target.searchParams.set("next", pathname + search);
  return NextResponse.redirect(target);
}

/**
 * Next's documented nonce pattern: the CSP (and x-nonce) on the *request* headers seen by the
 * render. Next reads the nonce from that CSP and puts it on its own scripts; server components
 * can read `x-nonce` with headers() for any script of their own.
 */
function forwardWithNonce(request: NextRequest, nonce: string, csp: string): NextResponse {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of securityHeaders({ https })) response.headers.set(name, value);
  return response;
}
