import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/session/route";
import { CLIENT_IP_HEADER, markServedByPatchboard } from "@/lib/api/client-ip";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/data/db";
import { prepareDatabase } from "@/lib/data/accounts/setup";
import { accessFromSession, changePassword, MAX_FAILURES_PER_ACCOUNT } from "@/lib/data/accounts/sign-in";
import { createApiToken, hashToken, verifyApiToken } from "@/lib/data/accounts/tokens";
import { createAccountDirectly, createFirstOwner } from "@/lib/data/accounts/users";
import { resetDatabase } from "../reset-database";

const ORIGIN = "http://localhost";
const USER = { name: "Hal Hardening", email: "hal@example.test", password: "correct horse battery", role: "admin" as const, organizations: [] };

async function signIn(extraHeaders: Record<string, string> = {}) {
  const res = await POST(
    new Request(`${ORIGIN}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost", ...extraHeaders },
      body: JSON.stringify({ email: USER.email, password: USER.password }),
    }),
  );
  expect(res.status).toBe(200);
  return res.headers.getSetCookie();
}

beforeEach(resetDatabase);
afterEach(() => {
  markServedByPatchboard(false);
  vi.restoreAllMocks();
});

describe("the smaller holes", () => {
  it("issue 8 item 15: parallel set-up calls make exactly one owner", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => createFirstOwner({ name: `Owner ${i}`, email: `owner${i}@msp.example`, password: "a passphrase of five words" }, null)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ status: 409, code: "setup_done" });
    expect(await db.user.count()).toBe(1);
    expect(await db.account.count()).toBe(1);
  });

  it("issue 8 item 15: a client viewer token needs an organization, and an old one without fails closed", async () => {
    await expect(createApiToken("viewer of nothing", { role: "viewer" })).rejects.toMatchObject({ status: 422, code: "organizations_required" });
    // One made before the rule (or whose organizations were all deleted) would otherwise read every client.
    const token = "pb_viewer-token-from-before-the-rule-0123456789";
    await db.apiToken.create({ data: { name: "old viewer", tokenHash: hashToken(token), role: "viewer" } });
    expect(await verifyApiToken(token)).toBeNull();
  });

  it("issue 8 item 15: a PATCHBOARD_ADMIN_TOKEN shorter than 32 characters is not registered", async () => {
    await expect(prepareDatabase({ adminToken: "e2e-admin-token-0123456789" })).rejects.toMatchObject({ status: 422 });
    expect(await db.apiToken.count()).toBe(0);
    await prepareDatabase({ adminToken: "a-long-enough-admin-token-0123456789abcdef" });
    expect(await verifyApiToken("a-long-enough-admin-token-0123456789abcdef")).toMatchObject({ role: "admin" });
  });

  it("issue 8 item 15: the password change is limited like sign-in, also under parallel attempts", async () => {
    await createAccountDirectly(USER);
    const headers = new Headers({ cookie: (await signIn()).map((c) => c.split(";")[0]).join("; ") });
    const access = (await accessFromSession(headers, "192.0.2.50"))!;
    const checks = vi.spyOn(auth().api, "changePassword");
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => changePassword(access, headers, `wrong guess ${i}`, "a brand new passphrase").then(() => 200, (e: { status: number }) => e.status)),
    );
    expect(checks).toHaveBeenCalled();
    expect(checks.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50 - MAX_FAILURES_PER_ACCOUNT);
    await expect(changePassword(access, headers, USER.password, "a brand new passphrase")).rejects.toMatchObject({ status: 429 });
  });

  it("issue 8 item 15: the session cookie is Secure when the request came over HTTPS, and not otherwise", async () => {
    await createAccountDirectly(USER);
    markServedByPatchboard(); // the headers below are as scripts/serve.ts leaves them
    const overHttps = await signIn({ "x-forwarded-proto": "https", [CLIENT_IP_HEADER]: "192.0.2.60" });
    expect(overHttps.join("\n")).toMatch(/;\s*Secure/i);
    const overHttp = await signIn({ "x-forwarded-proto": "http", [CLIENT_IP_HEADER]: "192.0.2.60" });
    expect(overHttp.join("\n")).not.toMatch(/;\s*Secure/i);
    // Either way the cookie has one name, so a session set over one scheme is found over the other.
    expect(overHttps[0].split("=")[0]).toBe(overHttp[0].split("=")[0]);
  });
});
