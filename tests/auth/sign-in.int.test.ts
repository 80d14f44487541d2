import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE, POST } from "@/app/api/session/route";
import { GET as summary } from "@/app/api/v1/summary/route";
import { CLIENT_IP_HEADER, markServedByPatchboard } from "@/lib/api/client-ip";
import { db } from "@/lib/data/db";
import { accessFromSession, changePassword, MAX_FAILURES_PER_ACCOUNT } from "@/lib/data/accounts/sign-in";
import { createAccountDirectly, setUserActive } from "@/lib/data/accounts/users";
import { resetDatabase } from "../reset-database";
import { TEST_ACCESS } from "../access";

const ORIGIN = "http://localhost";
const USER = { name: "Tess Tech", email: "tess@example.test", password: "correct horse battery", role: "technician" as const, organizations: [] };

async function signIn(email: string, password: string, ip = "192.0.2.10") {
  const res = await POST(
    new Request(`${ORIGIN}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost", [CLIENT_IP_HEADER]: ip },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { res, cookie, body: (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null };
}

const withCookie = (cookie: string, init: RequestInit = {}) => ({ ...init, headers: { cookie, origin: ORIGIN, host: "localhost", ...(init.headers ?? {}) } });
const getSummary = (cookie: string) => summary(new Request(`${ORIGIN}/api/v1/summary`, withCookie(cookie)));

// As behind scripts/serve.ts, which puts the connection's address in CLIENT_IP_HEADER.
beforeAll(() => markServedByPatchboard());
afterAll(() => markServedByPatchboard(false));

beforeEach(async () => {
  await resetDatabase();
  await createAccountDirectly(USER);
});

describe("sign-in", () => {
  it("signs in with the right password: an httpOnly, SameSite session cookie that opens the API", async () => {
    const { res, cookie } = await signIn(USER.email, USER.password);
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect((await getSummary(cookie)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "sign_in", actor: USER.email } })).toBe(1);
  });

  it("gives a wrong password, an unknown user and a deactivated user the same answer", async () => {
    const wrong = await signIn(USER.email, "not the password");
    const unknown = await signIn("nobody@example.test", "whatever it is");
    const deactivatedUser = await db.user.findUniqueOrThrow({ where: { email: USER.email } });
    await setUserActive({ ...TEST_ACCESS, role: "owner" }, deactivatedUser.id, false);
    const deactivated = await signIn(USER.email, USER.password);
    for (const r of [wrong, unknown, deactivated]) {
      expect(r.res.status).toBe(401);
      expect(r.body?.error?.code).toBe("invalid_credentials");
      expect(r.cookie).toBe("");
    }
    expect(new Set([wrong, unknown, deactivated].map((r) => r.body?.error?.message)).size).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "sign_in_failed" } })).toBe(3);
  });

  it("answers 429 with Retry-After after too many failures for the account, even with the right password", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await signIn(USER.email, `wrong ${i}`, `192.0.2.${20 + i}`)).res.status).toBe(401);
    const blocked = await signIn(USER.email, USER.password, "192.0.2.99");
    expect(blocked.res.status).toBe(429);
    expect(Number(blocked.res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.body?.error?.code).toBe("too_many_attempts");
    expect(blocked.cookie).toBe("");
  });

  it("limits attempts per address across accounts", async () => {
    for (let i = 0; i < 20; i++) await signIn(`someone${i}@example.test`, "wrong password", "198.51.100.1");
    const blocked = await signIn(USER.email, USER.password, "198.51.100.1");
    expect(blocked.res.status).toBe(429);
    expect((await signIn(USER.email, USER.password, "198.51.100.2")).res.status).toBe(200);
  });

  it("refuses an expired session", async () => {
    const { cookie } = await signIn(USER.email, USER.password);
    await db.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await getSummary(cookie)).status).toBe(401);
  });

  it("ends the session on sign-out, so the old cookie no longer works", async () => {
    const { cookie } = await signIn(USER.email, USER.password);
    const out = await DELETE(new Request(`${ORIGIN}/api/session`, withCookie(cookie, { method: "DELETE" })));
    expect(out.status).toBe(204);
    expect(await db.session.count()).toBe(0);
    expect((await getSummary(cookie)).status).toBe(401);
  });

  it("ends a user's sessions at once when they are deactivated", async () => {
    const { cookie } = await signIn(USER.email, USER.password);
    const user = await db.user.findUniqueOrThrow({ where: { email: USER.email } });
    await setUserActive({ ...TEST_ACCESS, role: "owner" }, user.id, false);
    expect((await getSummary(cookie)).status).toBe(401);
  });

  it("refuses a sign-in posted from another site", async () => {
    const res = await POST(
      new Request(`${ORIGIN}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://evil.example", host: "localhost" },
        body: JSON.stringify({ email: USER.email, password: USER.password }),
      }),
    );
    expect(res.status).toBe(403);
  });

  it("stores the password only as a hash", async () => {
    const account = await db.account.findFirstOrThrow();
    expect(account.password).not.toContain(USER.password);
    expect(account.password!.length).toBeGreaterThan(40);
  });

  it("changes the password: the old one stops working, the new one works, other sessions end", async () => {
    const first = await signIn(USER.email, USER.password);
    const other = await signIn(USER.email, USER.password, "192.0.2.11");
    const headers = new Headers(withCookie(first.cookie).headers);
    const access = (await accessFromSession(headers, null))!;
    await expect(changePassword(access, headers, "not the current one", "a brand new passphrase")).rejects.toMatchObject({ status: 400, code: "wrong_password" });
    await changePassword(access, headers, USER.password, "a brand new passphrase");
    expect((await getSummary(other.cookie)).status).toBe(401);
    expect((await signIn(USER.email, USER.password)).res.status).toBe(401);
    expect((await signIn(USER.email, "a brand new passphrase")).res.status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "password_change" } })).toBe(1);
  });
});
