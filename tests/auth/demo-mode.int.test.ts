import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/session/route";
import { GET as summary } from "@/app/api/v1/summary/route";
import { db } from "@/lib/data/db";
import { createTokenAs, verifyApiToken } from "@/lib/data/accounts/tokens";
import { accessFromSession } from "@/lib/data/accounts/sign-in";
import { createAccountDirectly, createUser, setUserActive } from "@/lib/data/accounts/users";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { resetDatabase } from "../reset-database";
import { TEST_ACCESS } from "../access";

const ORIGIN = "http://localhost";
const DEMO_OWNER = DEMO_ACCOUNTS.find((a) => a.role === "owner")!;
const OWNER_ACCESS = { ...TEST_ACCESS, role: "owner" as const };

async function signIn(email: string, password: string) {
  const res = await POST(
    new Request(`${ORIGIN}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost" },
      body: JSON.stringify({ email, password }),
    }),
  );
  return { status: res.status, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}
const demoMode = (on: boolean) => vi.stubEnv("PATCHBOARD_DEMO", on ? "1" : "0");

beforeEach(async () => {
  await resetDatabase();
  demoMode(true);
  await createAccountDirectly(DEMO_OWNER);
});
afterEach(() => vi.unstubAllEnvs());

describe("demo accounts open nothing outside demo mode", () => {
  it("issue 8 item 13: the demo owner's published password does not sign in on a server started with PATCHBOARD_DEMO=0", async () => {
    demoMode(false);
    // The account is active: nothing at start-up deactivated it (a plain `next start`, a container without the script).
    expect((await db.user.findUniqueOrThrow({ where: { email: DEMO_OWNER.email } })).active).toBe(true);
    const res = await signIn(DEMO_OWNER.email, DEMO_OWNER.password);
    expect(res.status).toBe(401);
    expect(res.cookie).toBe("");
    expect(await db.session.count()).toBe(0);
  });

  it("issue 8 item 13: a demo session made in demo mode is refused on every look-up once the server is not in demo mode", async () => {
    const { status, cookie } = await signIn(DEMO_OWNER.email, DEMO_OWNER.password);
    expect(status).toBe(200);
    const get = () => summary(new Request(`${ORIGIN}/api/v1/summary`, { headers: { cookie } }));
    expect((await get()).status).toBe(200);
    demoMode(false);
    expect((await get()).status).toBe(401);
    expect(await accessFromSession(new Headers({ cookie }), null)).toBeNull();
  });

  it("issue 8 item 13: an admin cannot re-activate a demo account outside demo mode", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_OWNER.email } });
    await setUserActive(OWNER_ACCESS, user.id, false);
    demoMode(false);
    await expect(setUserActive(OWNER_ACCESS, user.id, true)).rejects.toMatchObject({ status: 409, code: "demo_account" });
    // Even set active behind the app's back, it does not sign in.
    await db.user.update({ where: { id: user.id }, data: { active: true } });
    expect((await signIn(DEMO_OWNER.email, DEMO_OWNER.password)).status).toBe(401);
  });

  it("turns off tokens a demo account made once demo mode is off", async () => {
    const demoAdmin = { ...OWNER_ACCESS, actor: { type: "user" as const, id: "x", label: DEMO_OWNER.email } };
    const { token } = await createTokenAs(demoAdmin, { name: "made in the demo", role: "admin" });
    expect(await verifyApiToken(token)).not.toBeNull();
    demoMode(false);
    expect(await verifyApiToken(token)).toBeNull();
  });

  it("keeps the demo's domain for the demo accounts", async () => {
    const input = { name: "Sneaky", email: "someone@demo.patchboard.test", password: "a long enough password", role: "admin" as const };
    await expect(createUser(OWNER_ACCESS, input)).rejects.toMatchObject({ status: 422, code: "reserved_email" });
  });

  it("still signs demo accounts in while in demo mode", async () => {
    expect((await signIn(DEMO_OWNER.email, DEMO_OWNER.password)).status).toBe(200);
  });
});
