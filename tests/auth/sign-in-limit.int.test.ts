import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signIn, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/lib/data/accounts/sign-in";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/data/db";
import { createAccountDirectly } from "@/lib/data/accounts/users";
import { resetDatabase } from "../reset-database";

const USER = { name: "Pat Parallel", email: "pat@example.test", password: "correct horse battery", role: "technician" as const, organizations: [] };
const PARALLEL = 200;

const attempt = (email: string, password: string, ip: string) =>
  signIn({ email, password }, new Headers(), ip).then(
    () => 200,
    (err: { status?: number }) => err.status ?? 500,
  );

beforeEach(async () => {
  await resetDatabase();
  await createAccountDirectly(USER);
});
afterEach(() => vi.restoreAllMocks());

describe("the sign-in limit under parallel requests", () => {
  it("issue 8 item 10: 200 parallel wrong passwords for one account: at most the limit reach the password check", async () => {
    const checks = vi.spyOn(auth().api, "signInEmail");
    const statuses = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => attempt(USER.email, `wrong guess ${i}`, `198.51.100.${i % 250}`)));
    expect(checks).toHaveBeenCalled(); // the spy does see the checks
    expect(checks.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(PARALLEL - MAX_FAILURES_PER_ACCOUNT);
    const checked = await db.auditEvent.count({ where: { action: "sign_in_failed", detail: { contains: "wrong password" } } });
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    // The right password is refused too while the account is limited.
    expect(await attempt(USER.email, USER.password, "192.0.2.1")).toBe(429);
  });

  it("issue 8 item 10: 200 parallel guesses from one address across accounts: at most the address limit are checked", async () => {
    const checks = vi.spyOn(auth().api, "signInEmail");
    const statuses = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => attempt(`someone${i}@example.test`, "wrong password", "203.0.113.9")));
    expect(checks).toHaveBeenCalled();
    expect(checks.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ADDRESS);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(PARALLEL - MAX_FAILURES_PER_ADDRESS);
  });

  it("does not count successful sign-ins against the limit", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 3; i++) expect(await attempt(USER.email, USER.password, "192.0.2.2")).toBe(200);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) expect(await attempt(USER.email, "wrong password", "192.0.2.2")).toBe(401);
    expect(await attempt(USER.email, USER.password, "192.0.2.2")).toBe(200);
  });

  it("starts a new window once the old one has passed", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await attempt(USER.email, "wrong password", "192.0.2.3");
    expect(await attempt(USER.email, USER.password, "192.0.2.3")).toBe(429);
    await db.signInCounter.updateMany({ data: { windowStart: new Date(Date.now() - 16 * 60_000) } });
    expect(await attempt(USER.email, USER.password, "192.0.2.3")).toBe(200);
  });
});
