// Security headers, as pure functions of the request's facts (nonce, dev mode, HTTPS).
// proxy.ts applies them to pages; next.config.js `headers()` sends the same values to what the
// proxy does not run on (API routes, /_next/static), and headers.test.ts checks the two agree.

export type HeaderList = [name: string, value: string][];

/** HSTS for two years, subdomains included; only ever sent on responses to HTTPS requests. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * The policy of JSON (API) responses: they load nothing and may not be framed.
 * A browser that is tricked into rendering one as HTML still runs no script.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers for every response, whatever its type.
 * - Referrer-Policy is strict-origin-when-cross-origin rather than no-referrer: other sites see
 *   at most our origin (never the path, which names organizations and servers), while under
 *   no-referrer the Fetch standard has same-origin POSTs send `Origin: null`, which fails the
 *   same-origin checks (lib/api/same-origin.ts, Server Actions, the sign-in endpoints).
 * - X-Frame-Options duplicates `frame-ancestors 'none'` for browsers without CSP level 2.
 */
export const COMMON_SECURITY_HEADERS: HeaderList = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
];

export interface CspOptions {
  /** The per-request nonce; Next.js reads it back from this header and puts it on its scripts. */
  nonce: string;
  /** `next dev`: React needs eval there (server error stacks); never in production. */
  dev?: boolean;
  /** The request came over HTTPS: also upgrade any http:// subresource to https://. */
  https?: boolean;
}

/** The Content-Security-Policy of HTML pages. */
export function contentSecurityPolicy({ nonce, dev = false, https = false }: CspOptions): string {
  if (!isValidNonce(nonce)) throw new Error("CSP nonce must be base64 (at least 16 characters)");
  const directives = [
    "default-src 'self'",
    // Only scripts carrying this response's nonce run, plus what they load ('strict-dynamic':
    // Next's runtime loads its chunks). No 'unsafe-inline': injected markup cannot run script.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles may be inline: React and Next set style="" attributes (progress bars, chart colours), which a nonce cannot
    // allow (and a nonce here would make browsers ignore 'unsafe-inline'). Inline CSS cannot
    // run script; the requirement of no 'unsafe-inline' is about scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Only over HTTPS: on plain http (localhost, an intranet without TLS) it would break every
  // same-origin subresource.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export interface SecurityHeaderOptions {
  /** The request came over HTTPS (see isHttpsRequest). */
  https: boolean;
}

/** The headers every response carries besides its Content-Security-Policy. */
export function securityHeaders({ https }: SecurityHeaderOptions): HeaderList {
  const list: HeaderList = COMMON_SECURITY_HEADERS.map(([name, value]) => [name, value]);
  if (https) list.push(["Strict-Transport-Security", STRICT_TRANSPORT_SECURITY]);
  return list;
}

/**
 * Whether the client reached us over HTTPS. A TLS-terminating reverse proxy says so in
 * X-Forwarded-Proto (the first entry is the client's hop); without one, the URL's protocol.
 */
export function isHttpsRequest(forwardedProto: string | null | undefined, urlProtocol: string): boolean {
  if (forwardedProto) {
    const first = forwardedProto.split(",")[0].trim().toLowerCase();
    if (first) return first === "https";
  }
  return urlProtocol.toLowerCase() === "https:";
}

/** 128 random bits, base64: a fresh nonce for each response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

function isValidNonce(nonce: string): boolean {
  return NONCE.test(nonce);
}
