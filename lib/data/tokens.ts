import { createHash, randomBytes } from "node:crypto";
import { db } from "./db";
import { isWriting } from "./sql-session";

// API tokens are 256 random bits, so a plain SHA-256 is a safe stored form (no salt or
// slow hash needed, unlike passwords); the token itself is shown once and never stored.
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function generateToken(): string {
  return `pb_${randomBytes(32).toString("base64url")}`;
}

export async function createApiToken(name: string): Promise<{ id: number; token: string }> {
  const token = generateToken();
  const row = await db.apiToken.create({ data: { name, tokenHash: hashToken(token) } });
  return { id: row.id, token };
}

/** Registers a token chosen by the operator (PATCHBOARD_ADMIN_TOKEN); idempotent. */
export async function registerApiToken(name: string, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await db.apiToken.upsert({ where: { tokenHash }, create: { name, tokenHash }, update: { revokedAt: null } });
}

const TOUCH_EVERY_MS = 60_000;

/** The token's id when it is known and not revoked, else null. */
export async function verifyApiToken(token: string): Promise<{ id: number; name: string } | null> {
  if (!token || token.length > 200) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  // Skipped while an import holds the write lock: on SQLite the write would wait for it
  // synchronously; last use is kept to the minute anyway.
  if (!isWriting() && (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS)) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return { id: row.id, name: row.name };
}
