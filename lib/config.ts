// Runtime settings read from the environment in one place, validated where they are read.
import { randomBytes } from "node:crypto";

/** The embedded database, when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/patchboard.db";

const MB = 1024 * 1024;
export const MIN_SECRET_LENGTH = 32;
/** PATCHBOARD_ADMIN_TOKEN is an admin's API token chosen by a person: at least as long as a session secret. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
// Placeholders people copy from examples; a secret that is one of these is no secret.
const KNOWN_WEAK = /^(?:changeme|secret|password|patchboard|example|test|x+|0+|1234567890?)+$/i;

export function maxUploadBytes(): number {
  const mb = Number(process.env.PATCHBOARD_MAX_UPLOAD_MB ?? 512);
  return (Number.isFinite(mb) && mb > 0 ? mb : 512) * MB;
}

/** Where asynchronous uploads wait for the import worker (PATCHBOARD_SPOOL_DIR, default data/spool). */
export function spoolDir(env: Record<string, string | undefined> = process.env): string {
  return env.PATCHBOARD_SPOOL_DIR?.trim() || "data/spool";
}

/** The most the spool folder may hold, every waiting upload together (PATCHBOARD_SPOOL_MAX_MB, default 4096). */
export function spoolMaxBytes(env: Record<string, string | undefined> = process.env): number {
  const mb = Number(env.PATCHBOARD_SPOOL_MAX_MB ?? 4096);
  return (Number.isFinite(mb) && mb > 0 ? mb : 4096) * MB;
}

export function demoEnabled(): boolean {
  return process.env.PATCHBOARD_DEMO !== "0";
}

/** Whether scripts/serve.ts logs a line per request: PATCHBOARD_LOG=off (or 0, false, no) turns them off. */
export function requestLogEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !["off", "0", "false", "no"].includes((env.PATCHBOARD_LOG ?? "").trim().toLowerCase());
}

/**
 * How many reverse proxies stand between the clients and Patchboard (PATCHBOARD_TRUST_PROXY): 0 (unset, "0",
 * "false", "off") means none, and nothing in X-Forwarded-* is believed; "1" is one proxy, "2" two in a row, and so
 * on. Throws for anything else, so that a typo stops start-up rather than trusting the wrong hop.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = (env.PATCHBOARD_TRUST_PROXY ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false" || raw === "off" || raw === "no") return 0;
  if (raw === "true" || raw === "on" || raw === "yes") return 1;
  if (/^[1-9]$/.test(raw)) return Number(raw);
  throw new Error(`PATCHBOARD_TRUST_PROXY is "${env.PATCHBOARD_TRUST_PROXY}"; set it to the number of reverse proxies in front of Patchboard (1-9), or leave it unset when there is none`);
}

/** Why PATCHBOARD_ADMIN_TOKEN cannot be used (it opens the whole API as an admin), or null when it can (or is unset). */
export function adminTokenProblem(token: string | undefined): string | null {
  if (token === undefined || token === "") return null;
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    return `PATCHBOARD_ADMIN_TOKEN is ${token.length} characters long; it needs at least ${MIN_ADMIN_TOKEN_LENGTH} random characters (for example the output of: openssl rand -base64 32)`;
  }
  return null;
}

/** What in the environment stops start-up, as messages for the operator (empty when all is well). */
export function startupProblems(env: Record<string, string | undefined> = process.env): string[] {
  const problems: string[] = [];
  const adminToken = adminTokenProblem(env.PATCHBOARD_ADMIN_TOKEN);
  if (adminToken) problems.push(adminToken);
  try {
    trustedProxyHops(env);
  } catch (err) {
    problems.push((err as Error).message);
  }
  return problems;
}

/** The public address, when the operator sets it (https://… turns on Secure cookies). */
export function publicUrl(): string | undefined {
  return process.env.PATCHBOARD_URL || undefined;
}

/** Why a session secret cannot be used, or null when it can. */
export function secretProblem(secret: string | undefined): string | null {
  if (!secret) return "PATCHBOARD_SECRET is not set";
  if (secret.length < MIN_SECRET_LENGTH) return `PATCHBOARD_SECRET is ${secret.length} characters long; it needs at least ${MIN_SECRET_LENGTH}`;
  if (KNOWN_WEAK.test(secret) || new Set(secret).size < 10) return "PATCHBOARD_SECRET is a placeholder or too repetitive to be a secret";
  return null;
}

export function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The secret that signs session cookies. `npm start` checks it before serving (and makes one in demo
 * mode); here it is only read. Tests and `next dev` get a fixed development secret.
 */
export function sessionSecret(): string {
  const secret = process.env.PATCHBOARD_SECRET;
  if (!secretProblem(secret)) return secret!;
  if (process.env.NODE_ENV !== "production") return "patchboard-development-secret-not-for-production-use";
  throw new Error(`${secretProblem(secret)}. Set it to ${MIN_SECRET_LENGTH}+ random characters, e.g. the output of: openssl rand -base64 32`);
}

/** The most rows one CSV or XLSX export may hold (PATCHBOARD_EXPORT_MAX_ROWS, default 250,000). */
export function exportMaxRows(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.PATCHBOARD_EXPORT_MAX_ROWS ?? 250_000);
  return Number.isInteger(n) && n > 0 ? n : 250_000;
}
