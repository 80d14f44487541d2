// Security headers for every response. Pages get theirs, with a per-request CSP nonce, from
// proxy.ts; the proxy does not run on /api (it would buffer and cap streamed uploads) nor on
// /_next/static, so those get the same headers here. The values mirror lib/security/headers.ts
// (this file is loaded by Node without a TypeScript loader); headers.test.ts checks they agree.

const COMMON_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const STRICT_TRANSPORT_SECURITY = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

const API_CONTENT_SECURITY_POLICY = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" };

// The request came over HTTPS according to the TLS-terminating reverse proxy: the first
// X-Forwarded-Proto entry is https (Next matches `value` as an anchored regular expression).
// Requests reaching Next over TLS directly are covered by the proxy, which also checks the URL.
const FORWARDED_HTTPS = [{ type: "header", key: "x-forwarded-proto", value: "\\s*[Hh][Tt][Tt][Pp][Ss]\\s*(?:,.*)?" }];

import { realpathSync } from "node:fs";
import { dirname, relative } from "node:path";

// A git worktree may share another checkout's node_modules through a symlink; Turbopack resolves only inside its
// root, so the root is then the nearest folder holding both (otherwise the project, Next's default).
function workspaceRoot() {
  const project = process.cwd();
  let modules;
  try {
    modules = realpathSync(`${project}/node_modules`);
  } catch {
    return undefined;
  }
  let root = project;
  while (relative(root, modules).startsWith("..") && dirname(root) !== root) root = dirname(root);
  return root === project ? undefined : root;
}
const ROOT = workspaceRoot();

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // pdfkit (the client report's PDF) reads its font metrics from files beside its code: loaded from node_modules.
  serverExternalPackages: ["pdfkit"],
  ...(ROOT ? { turbopack: { root: ROOT }, outputFileTracingRoot: ROOT } : {}),
  // Uploads stream through route handlers (/api, where the proxy does not run); nothing here buffers their bodies.
  experimental: {
    // Server actions are small forms (sign-out, users, tokens, remediation notes). Next reads their bodies as they
    // arrive and answers 413 past this limit (its default is 1 MB); set here so the limit is a decision, not a default.
    serverActions: { bodySizeLimit: "128kb" },
    // A page request passes through proxy.ts, and Next copies its body for the proxy up to this size (default
    // 10 MB, per request). Page requests only carry server action forms: a little above their limit is enough.
    proxyClientMaxBodySize: "256kb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_SECURITY_HEADERS },
      { source: "/:path*", has: FORWARDED_HTTPS, headers: [STRICT_TRANSPORT_SECURITY] },
      // API responses are JSON: they need no resources at all. /api/docs is a page (the API reference): the proxy
      // gives it a page's CSP, with its nonce.
      { source: "/api/:path((?!docs$).*)?", headers: [API_CONTENT_SECURITY_POLICY] },
    ];
  },
};

export default nextConfig;
