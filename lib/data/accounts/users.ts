// People who sign in: created by an admin (or the one-time setup), never by signing up. Passwords are hashed by
// Better Auth's own hasher (scrypt) and stored only in its Account table.
import { randomUUID } from "node:crypto";
import { auth } from "../../auth/auth";
import { demoEnabled } from "../../config";
import { isDemoEmail } from "../../demo-accounts";
import { can, isRole, organizationsFor, type Access, type Role } from "../../domain/access";
import { AppError, notFound } from "../../errors";
import { newUserSchema, setupSchema, userUpdateSchema, type NewUserInput, type UserUpdateInput } from "../../zod/users";
import { recordAudit } from "./audit";
import type { UserView } from "../../views";
import { db, type Db } from "../db";
import { organizationIdsForSlugs } from "../fleet/organizations";

export type { UserView };

const forbidden = () => new AppError(403, "forbidden", "Only admins can manage users.");

export async function countUsers(): Promise<number> {
  return db.user.count();
}

/** A demo account (published password) while this server is not in demo mode: it opens nothing. */
export function isLockedDemoAccount(email: string): boolean {
  return isDemoEmail(email) && !demoEnabled();
}

/** The caller behind a session's user, or null when the user is deactivated (or a demo account outside demo mode). */
export async function accessForUser(user: { id: string; email: string; role: string; active: boolean; allOrganizations: boolean }, ip: string | null): Promise<Access | null> {
  if (!user.active || !isRole(user.role) || isLockedDemoAccount(user.email)) return null;
  const assigned = await db.userOrganization.findMany({ where: { userId: user.id }, select: { organizationId: true } });
  const organizationIds = organizationsFor(user.role, user.allOrganizations, assigned.map((a) => a.organizationId));
  return { actor: { type: "user", id: user.id, label: user.email }, role: user.role, organizationIds, ip };
}

async function hashPassword(password: string): Promise<string> {
  return (await auth().$context).password.hash(password);
}

// The demo's domain is for its accounts (whose passwords are published) only.
function refuseDemoEmail(email: string): void {
  if (isDemoEmail(email)) throw new AppError(422, "reserved_email", "Addresses at the demo's domain are reserved for the demo accounts.");
}

type NewUserRecord = { name: string; email: string; role: Role; allOrganizations: boolean; organizationIds: number[] };

// The rows of one user (Better Auth's User and credential Account, and the organizations), for one transaction.
function userWrites(tx: Pick<Db, "user" | "account" | "userOrganization">, id: string, input: NewUserRecord, passwordHash: string) {
  return [
    tx.user.create({ data: { id, name: input.name, email: input.email, role: input.role, allOrganizations: input.allOrganizations, emailVerified: true } }),
    tx.account.create({ data: { id: randomUUID(), userId: id, accountId: id, providerId: "credential", password: passwordHash } }),
    ...input.organizationIds.map((organizationId) => tx.userOrganization.create({ data: { userId: id, organizationId } })),
  ];
}

async function insertUser(input: NewUserRecord & { password: string }) {
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    await db.$transaction(userWrites(db, id, input, passwordHash));
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new AppError(409, "email_taken", `There is already a user with the email ${input.email}.`);
    throw err;
  }
  return id;
}

const setupDone = () => new AppError(409, "setup_done", "Patchboard is already set up: sign in instead.");

/**
 * The one-time setup: the owner account, only while there is no user at all. The check and the insert are one
 * serializable transaction (PostgreSQL aborts one of two that race; SQLite runs them one after the other), so two
 * set-ups sent at once cannot both make an owner; the loser is told the setup is done.
 */
export async function createFirstOwner(raw: unknown, ip: string | null): Promise<void> {
  const input = setupSchema.parse(raw);
  refuseDemoEmail(input.email);
  if ((await countUsers()) > 0) throw setupDone();
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password); // slow (scrypt): before the transaction, not inside it
  const owner = { ...input, role: "owner" as const, allOrganizations: true, organizationIds: [] };
  try {
    await db.$transaction(
      async (tx) => {
        if ((await tx.user.count()) > 0) throw setupDone();
        for (const write of userWrites(tx, id, owner, passwordHash)) await write;
      },
      { isolationLevel: "Serializable" },
    );
  } catch (err) {
    // A serialization failure or a lock conflict: whoever won made the owner.
    if (!(err instanceof AppError) && (await countUsers()) > 0) throw setupDone();
    throw err;
  }
  await recordAudit({ actor: { type: "user", id, label: input.email }, role: "owner", organizationIds: null, ip }, "setup", input.email);
}

export async function createUser(access: Access, raw: NewUserInput): Promise<UserView> {
  if (!can.administer(access)) throw forbidden();
  const input = newUserSchema.parse(raw);
  refuseDemoEmail(input.email);
  if (input.role === "owner" && access.role !== "owner") throw new AppError(403, "forbidden", "Only an owner can make another owner.");
  const organizationIds = await organizationIdsForSlugs(input.organizations);
  const id = await insertUser({ ...input, organizationIds });
  await recordAudit(access, "user_create", { type: "user", id, label: input.email }, { role: input.role, organizations: input.organizations, allOrganizations: input.allOrganizations });
  return getUser(access, id);
}

export async function updateUser(access: Access, id: string, raw: UserUpdateInput): Promise<UserView> {
  if (!can.administer(access)) throw forbidden();
  const input = userUpdateSchema.parse(raw);
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw notFound("User");
  if ((user.role === "owner" || input.role === "owner") && access.role !== "owner") throw new AppError(403, "forbidden", "Only an owner can change an owner or make one.");
  if (user.role === "owner" && input.role !== "owner" && (await db.user.count({ where: { role: "owner", active: true } })) <= 1) {
    throw new AppError(409, "last_owner", "This is the only owner: make someone else owner first.");
  }
  const organizationIds = await organizationIdsForSlugs(input.organizations);
  await db.$transaction([
    db.user.update({ where: { id }, data: { role: input.role, allOrganizations: input.allOrganizations } }),
    db.userOrganization.deleteMany({ where: { userId: id } }),
    ...organizationIds.map((organizationId) => db.userOrganization.create({ data: { userId: id, organizationId } })),
  ]);
  await recordAudit(access, "user_update", { type: "user", id, label: user.email }, { role: input.role, organizations: input.organizations, allOrganizations: input.allOrganizations });
  return getUser(access, id);
}

/** Deactivating ends the user's sessions at once; the account stays, for the record. */
export async function setUserActive(access: Access, id: string, active: boolean): Promise<void> {
  if (!can.administer(access)) throw forbidden();
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw notFound("User");
  if (access.actor.type === "user" && access.actor.id === id) throw new AppError(409, "self", "You cannot deactivate yourself.");
  if (user.role === "owner" && access.role !== "owner") throw new AppError(403, "forbidden", "Only an owner can deactivate an owner.");
  if (active && isLockedDemoAccount(user.email)) throw new AppError(409, "demo_account", "Demo accounts can only be used while Patchboard runs in demo mode.");
  await db.$transaction([db.user.update({ where: { id }, data: { active } }), ...(active ? [] : [db.session.deleteMany({ where: { userId: id } })])]);
  await recordAudit(access, active ? "user_reactivate" : "user_deactivate", { type: "user", id, label: user.email });
}

const USER_INCLUDE = { organizations: { include: { organization: { select: { slug: true, name: true } } } } } as const;

type UserRecord = {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  allOrganizations: boolean;
  createdAt: Date;
  organizations: { organization: { slug: string; name: string } }[];
};

function toView(u: UserRecord): UserView {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: isRole(u.role) ? u.role : "viewer",
    active: u.active,
    allOrganizations: u.allOrganizations,
    organizations: u.organizations.map((o) => o.organization).sort((a, b) => a.name.localeCompare(b.name)),
    createdAt: u.createdAt.toISOString(),
  };
}

export async function getUser(access: Access, id: string): Promise<UserView> {
  if (!can.administer(access)) throw forbidden();
  const user = await db.user.findUnique({ where: { id }, include: USER_INCLUDE });
  if (!user) throw notFound("User");
  return toView(user);
}

export async function listUsers(access: Access): Promise<UserView[]> {
  if (!can.administer(access)) throw forbidden();
  const users = await db.user.findMany({ orderBy: [{ active: "desc" }, { email: "asc" }], include: USER_INCLUDE });
  return users.map(toView);
}

/** Scripts only (the demo seed): an account without an admin behind it; organizations by name. */
export async function createAccountDirectly(spec: { name: string; email: string; password: string; role: Role; organizations: string[] }): Promise<void> {
  const orgs = await db.organization.findMany({ where: { name: { in: spec.organizations } }, select: { id: true } });
  await insertUser({ ...spec, allOrganizations: spec.role !== "viewer", organizationIds: orgs.map((o) => o.id) });
}
