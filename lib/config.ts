// Runtime settings read from the environment in one place, validated where they are read.
import { randomBytes } from "node:crypto";

const MB = 1024 * 1024;
export const MIN_SECRET_LENGTH = 32;
// Placeholders people copy from examples; a secret that is one of these is no secret.
const KNOWN_WEAK = /^(?:changeme|secret|password|patchboard|example|test|x+|0+|1234567890?)+$/i;

export function maxUploadBytes(): number {
  const mb = Number(process.env.PATCHBOARD_MAX_UPLOAD_MB ?? 512);
  return (Number.isFinite(mb) && mb > 0 ? mb : 512) * MB;
}

export function demoEnabled(): boolean {
  return process.env.PATCHBOARD_DEMO !== "0";
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
