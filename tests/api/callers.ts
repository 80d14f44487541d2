// Callers of every kind for the scope matrices: users signed in with a session cookie (as the browser is) and API
// tokens, unrestricted or limited to some organizations.
import { expect } from "vitest";
import { POST as postSession } from "@/app/api/session/route";
import { db } from "@/lib/data/db";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { createAccountDirectly } from "@/lib/data/accounts/users";
import type { Role, TokenRole } from "@/lib/domain/access";

export const ORIGIN = "http://localhost";

export interface Caller {
  label: string;
  /** sent with every request: a bearer token, or a session cookie with the same-origin headers a page sends */
  headers: Record<string, string>;
  /** limited to some organizations */
  limited: boolean;
}

const PASSWORD = "a long enough password";

/** A user of this role, signed in; limited to `organizations` (by name) when given, else every organization. */
export async function userCaller(label: string, role: Role, organizations: string[] | null): Promise<Caller> {
  const email = `${label.replace(/[^a-z0-9]+/gi, ".").toLowerCase()}@msp.example.test`;
  await createAccountDirectly({ name: label, email, password: PASSWORD, role, organizations: organizations ?? [] });
  await db.user.update({ where: { email }, data: { allOrganizations: organizations === null } });
  const res = await postSession(
    new Request(`${ORIGIN}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost" },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { label, headers: { cookie, origin: ORIGIN, host: "localhost" }, limited: organizations !== null };
}

/** An API token of this role, limited to organizations by slug when given. */
export async function tokenCaller(label: string, role: TokenRole, organizationSlugs: string[] | null): Promise<Caller> {
  const { token } = await createApiToken(label, { role, organizationSlugs: organizationSlugs ?? [] });
  return { label, headers: { authorization: `Bearer ${token}` }, limited: organizationSlugs !== null };
}
