import { createHash, randomBytes } from "node:crypto";
import { adminTokenProblem } from "../../config";
import { can, isTokenRole, type Access, type TokenRole } from "../../domain/access";
import { AppError, notFound } from "../../errors";
import { newTokenSchema, type NewTokenInput } from "../../zod/users";
import { recordAudit } from "./audit";
import { db } from "../db";
import { cachedValue } from "../read-cache";
import { organizationIdsForSlugs } from "../fleet/organizations";
import { isLockedDemoAccount } from "./users";
import { isWriting } from "../sql-write-transaction";

// API tokens are 256 random bits, so a plain SHA-256 is a safe stored form (no salt or
// slow hash needed, unlike passwords); the token itself is shown once and never stored.
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function generateToken(): string {
  return `pb_${randomBytes(32).toString("base64url")}`;
}

export interface TokenView {
  id: number;
  name: string;
  role: TokenRole;
  organizations: { slug: string; name: string }[];
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface TokenSpec {
  name: string;
  role: TokenRole;
  organizationIds: number[];
  expiresAt: Date | null;
  createdBy: string;
}

// A client viewer token reads one client's data: without organizations it would read every client's, so it is
// refused (here, and when an existing one is used: verifyApiToken).
function checkViewerScope(role: TokenRole, organizationIds: number[]): void {
  if (role === "viewer" && organizationIds.length === 0) {
    throw new AppError(422, "organizations_required", "A client viewer token needs at least one organization.");
  }
}

async function insertToken(spec: TokenSpec, token = generateToken()): Promise<{ id: number; token: string }> {
  checkViewerScope(spec.role, spec.organizationIds);
  const row = await db.apiToken.create({
    data: {
      name: spec.name,
      tokenHash: hashToken(token),
      role: spec.role,
      expiresAt: spec.expiresAt,
      createdBy: spec.createdBy,
      organizations: { create: spec.organizationIds.map((organizationId) => ({ organizationId })) },
    },
  });
  return { id: row.id, token };
}

/** The command line's and the tests' way in: no caller to check, recorded as made by `createdBy`. */
export async function createApiToken(
  name: string,
  opts: { role?: TokenRole; organizationSlugs?: string[]; createdBy?: string; expiresAt?: Date | null } = {},
): Promise<{ id: number; token: string }> {
  const organizationIds = await organizationIdsForSlugs(opts.organizationSlugs ?? []);
  return insertToken({ name, role: opts.role ?? "admin", organizationIds, expiresAt: opts.expiresAt ?? null, createdBy: opts.createdBy ?? "command line" });
}

/** An admin makes a token on the tokens page; the token is returned once. */
export async function createTokenAs(access: Access, raw: NewTokenInput): Promise<{ id: number; token: string }> {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only admins can create API tokens.");
  const input = newTokenSchema.parse(raw);
  const expiresAt = input.expiresOn ? new Date(`${input.expiresOn}T23:59:59.999Z`) : null;
  if (expiresAt && expiresAt.getTime() < Date.now()) throw new AppError(422, "expired", "The expiry date is in the past.");
  const organizationIds = await organizationIdsForSlugs(input.organizations);
  const created = await insertToken({ name: input.name, role: input.role, organizationIds, expiresAt, createdBy: access.actor.label });
  await recordAudit(access, "token_create", { type: "token", id: created.id, label: input.name }, { id: created.id, role: input.role, organizations: input.organizations, expiresOn: input.expiresOn ?? null });
  return created;
}

export async function revokeToken(access: Access, id: number): Promise<void> {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only admins can revoke API tokens.");
  const token = await db.apiToken.findUnique({ where: { id } });
  if (!token) throw notFound("Token");
  if (!token.revokedAt) await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  await recordAudit(access, "token_revoke", { type: "token", id, label: token.name }, { id });
}

export async function listTokens(access: Access): Promise<TokenView[]> {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only admins can list API tokens.");
  const rows = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    include: { organizations: { include: { organization: { select: { slug: true, name: true } } } } },
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: isTokenRole(r.role) ? r.role : "viewer",
    organizations: r.organizations.map((o) => o.organization),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    expiresAt: iso(r.expiresAt),
    lastUsedAt: iso(r.lastUsedAt),
    revokedAt: iso(r.revokedAt),
  }));
}

/** Registers a token chosen by the operator (PATCHBOARD_ADMIN_TOKEN): an admin token; idempotent. */
export async function registerApiToken(name: string, token: string): Promise<void> {
  // Start-up stops before this with a message (scripts/start.ts); refused here too for any other caller.
  const problem = adminTokenProblem(token);
  if (problem) throw new AppError(422, "weak_token", problem);
  const tokenHash = hashToken(token);
  await db.apiToken.upsert({
    where: { tokenHash },
    create: { name, tokenHash, role: "admin", createdBy: "PATCHBOARD_ADMIN_TOKEN" },
    update: { revokedAt: null },
  });
}

const TOUCH_EVERY_MS = 60_000;

/** The caller behind a token, or null when it is unknown, revoked or expired. */
export async function verifyApiToken(token: string, ip: string | null = null): Promise<Access | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  // Cached until the next commit (a revocation is one, in whichever process): a script's every call reads no token row.
  const row = await cachedValue(`api-token\u0000${tokenHash}`, () =>
    db.apiToken.findUnique({ where: { tokenHash }, include: { organizations: { select: { organizationId: true } } } }),
  );
  const now = Date.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now)) return null;
  // A token a demo account made (anyone could, with its published password) is the demo's: not outside demo mode.
  if (row.createdBy && isLockedDemoAccount(row.createdBy)) return null;
  // Skipped while an import holds the write lock: on SQLite the write would wait for it
  // synchronously; last use is kept to the minute anyway.
  if (!isWriting() && (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS)) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  const role = isTokenRole(row.role) ? row.role : "viewer";
  const limited = row.organizations.map((o) => o.organizationId);
  // Fails closed: a viewer token made before the rule, or whose organizations were all deleted, reads nothing.
  if (role === "viewer" && limited.length === 0) return null;
  return { actor: { type: "token", id: row.id, label: row.name }, role, organizationIds: limited.length ? limited : null, ip };
}

