// Sign-in with email and password, limited per account and per address. Failures are counted in the database
// (so a restart does not reset them) and the answer never says whether the account exists.
import { APIError } from "better-auth/api";
import { auth } from "../../auth/auth";
import type { Access } from "../../domain/access";
import { AppError } from "../../errors";
import { signInSchema } from "../../zod/users";
import { recordAnonymousAudit, recordAudit } from "./audit";
import { db } from "../db";
import { accessForUser, isLockedDemoAccount } from "./users";
import { countAttempt, type AttemptLimit } from "./sign-in-limit";

export { SIGN_IN_WINDOW_MS } from "./sign-in-limit";
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
/** An email (320) and a password (256) as JSON fit many times over; anyone may post here, so it is read no further. */
export const MAX_SIGN_IN_BODY_BYTES = 4 * 1024;
const GENERIC_FAILURE = "The email or password is not right, or the account is not active.";

// Better Auth's refusals (wrong password and the like). The class is checked by name too: a production build can
// bundle two copies of the module, and then instanceof fails for errors thrown by the other copy.
function isAuthError(err: unknown): boolean {
  return err instanceof APIError || (err instanceof Error && err.name === "APIError");
}

/** The limits a password guess for this account from this address counts against. */
function passwordLimits(email: string, ip: string | null): AttemptLimit[] {
  return [{ key: `email:${email}`, max: MAX_FAILURES_PER_ACCOUNT }, ...(ip ? [{ key: `ip:${ip}`, max: MAX_FAILURES_PER_ADDRESS }] : [])];
}

const tooManyAttempts = (wait: number) =>
  new AppError(429, "too_many_attempts", `Too many failed attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`, { retryAfter: wait });

/**
 * Signs in and returns the headers that set the session cookie. Throws 401 with one generic message for a
 * wrong password, an unknown email and a deactivated account alike, and 429 (details.retryAfter in seconds)
 * after too many failures for the account or the address.
 */
export async function signIn(raw: unknown, requestHeaders: Headers, ip: string | null): Promise<Headers> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError(400, "invalid_request", "Send an email and a password.");
  const { email, password } = parsed.data;
  // Counted before the password is checked: see sign-in-limit.ts.
  const attempt = await countAttempt(passwordLimits(email, ip));
  if (attempt.retryAfter > 0) {
    await recordAnonymousAudit(email, "sign_in_failed", ip, { reason: "rate limited" });
    throw tooManyAttempts(attempt.retryAfter);
  }
  const fail = async (reason: string) => {
    await recordAnonymousAudit(email, "sign_in_failed", ip, { reason });
    return new AppError(401, "invalid_credentials", GENERIC_FAILURE);
  };

  const user = await db.user.findUnique({ where: { email }, select: { active: true } });
  if (user && (!user.active || isLockedDemoAccount(email))) {
    // Same work as a real attempt, so the answer's timing does not tell a deactivated account apart.
    await (await auth().$context).password.hash(password);
    throw await fail(user.active ? "demo account outside demo mode" : "deactivated");
  }
  let result: { headers: Headers; response: { user: { id: string } } };
  try {
    result = await auth(requestHeaders).api.signInEmail({ body: { email, password }, headers: requestHeaders, returnHeaders: true });
  } catch (err) {
    if (isAuthError(err)) throw await fail(user ? "wrong password" : "unknown email");
    throw err;
  }
  await attempt.release();
  const signedIn = await db.user.findUniqueOrThrow({ where: { id: result.response.user.id } });
  const access = await accessForUser(signedIn, ip);
  if (access) await recordAudit(access, "sign_in", email);
  return result.headers;
}

/** Ends the session of these request headers; returns the headers that clear the cookie. */
export async function signOut(requestHeaders: Headers, access: Access | null): Promise<Headers> {
  const result = await auth(requestHeaders).api.signOut({ headers: requestHeaders, returnHeaders: true });
  if (access) await recordAudit(access, "sign_out", access.actor.label);
  return result.headers;
}

/** The signed-in user behind these request headers, or null (no session, expired, or deactivated). */
export async function accessFromSession(requestHeaders: Headers, ip: string | null): Promise<Access | null> {
  // Without a cookie cache, getSession reads the session and its user (role, active, allOrganizations are
  // declared as Better Auth fields) from the database on every request: no second read is needed.
  const session = await auth(requestHeaders).api.getSession({ headers: requestHeaders });
  return session ? accessForUser(session.user, ip) : null;
}

/**
 * The signed-in user's own password; their other sessions end. The current password is a password guess like a
 * sign-in (a stolen session must not become a way to try passwords), so it counts against the same limits.
 */
export async function changePassword(access: Access, requestHeaders: Headers, currentPassword: string, newPassword: string): Promise<void> {
  if (access.actor.type !== "user") throw new AppError(403, "forbidden", "Only people who sign in have a password.");
  const attempt = await countAttempt(passwordLimits(access.actor.label, access.ip));
  if (attempt.retryAfter > 0) throw tooManyAttempts(attempt.retryAfter);
  try {
    await auth(requestHeaders).api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: requestHeaders });
  } catch (err) {
    if (isAuthError(err)) throw new AppError(400, "wrong_password", "The current password is not right.");
    throw err;
  }
  await attempt.release();
  await recordAudit(access, "password_change", access.actor.label);
}
