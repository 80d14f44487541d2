// Better Auth does the password hashing (scrypt) and the session cookies; Patchboard calls it only from the
// server (sign-in route, server actions, session look-up), so none of its HTTP endpoints are mounted.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { requestIsHttps } from "../api/forwarded-headers";
import { publicUrl, sessionSecret } from "../config";
import { db, prismaProvider } from "../data/db";

export const SESSION_DAYS = 7;
export const MIN_PASSWORD_LENGTH = 12;

function createAuth(secure: boolean) {
  const url = publicUrl();
  return betterAuth({
    appName: "Patchboard",
    secret: sessionSecret(),
    ...(url ? { baseURL: url } : {}),
    database: prismaAdapter(db, { provider: prismaProvider() }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by an admin (or the one-time setup), never by signing up.
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "viewer" },
        active: { type: "boolean", input: false, defaultValue: true },
        allOrganizations: { type: "boolean", input: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
      // No cookie cache: every request reads the session row, so a deactivated user is out at once.
      cookieCache: { enabled: false },
    },
    // Patchboard limits sign-ins itself (per account and per address, in the database).
    rateLimit: { enabled: false },
    advanced: {
      // The "__Secure-" name prefix only with an https:// PATCHBOARD_URL: the cookie's name must not depend on the
      // request, or a session set over one scheme would not be found over the other.
      useSecureCookies: url?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", ...(secure ? { secure: true } : {}) },
    },
    telemetry: { enabled: false },
    // Failed sign-ins are Patchboard's audit events already; Better Auth's own warnings about them (and about a
    // base URL derived from the request, which is what we want without PATCHBOARD_URL) only add noise to logs.
    logger: { level: "error" },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { patchboardAuth?: { plain?: Auth; secure?: Auth } };

/**
 * Better Auth for a request: pass the request's headers wherever cookies may be set, so that they are Secure
 * whenever the client's connection was HTTPS (directly, or to a trusted proxy: lib/api/forwarded-headers.ts), with or
 * without PATCHBOARD_URL. Created on first use, so that importing this module never needs the secret (e.g. during
 * `next build`).
 */
export function auth(requestHeaders?: Headers): Auth {
  const secure = (publicUrl()?.startsWith("https://") ?? false) || (requestHeaders ? requestIsHttps(requestHeaders) : false);
  const instances = (globalForAuth.patchboardAuth ??= {});
  return secure ? (instances.secure ??= createAuth(true)) : (instances.plain ??= createAuth(false));
}
