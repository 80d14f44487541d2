import { request as httpRequest } from "node:http";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { FIRST_RUN_PORT, PORT } from "./ports";
import { apiGet, expect, expectCardsToMatch, expectNoAxeViolations, SIGNED_OUT, test, type Page_, type Summary } from "./fixtures";

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("first run: an empty database without demo data leads to a one-time setup page", async ({ page }) => {
    const base = `http://127.0.0.1:${FIRST_RUN_PORT}`;
    await page.goto(`${base}/`);
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Set up Patchboard" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Your name").fill("Oona Owner");
    await page.getByLabel("Email").fill("oona@msp.example");
    await page.getByLabel("Password").fill("a passphrase of five words");
    await page.getByRole("button", { name: "Create the owner account" }).click();

    await expect(page).toHaveURL(/\/sign-in\?setup=done/);
    await expect(page.getByText("The owner account is ready")).toBeVisible();
    // Demo mode is off: no demo accounts are offered.
    await expect(page.getByText("Demo mode")).toHaveCount(0);
    await page.getByLabel("Email").fill("oona@msp.example");
    await page.getByLabel("Password").fill("a passphrase of five words");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("No scans yet")).toBeVisible();

    // The setup page is gone for good.
    const again = await page.goto(`${base}/setup`);
    expect(again?.status()).toBe(404);
  });

  test("a wrong password gets a generic message; the demo accounts are shown in demo mode", async ({ page }) => {
    await page.goto("/servers");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Demo mode: try a role" })).toBeVisible();
    await page.getByLabel("Email").fill(account("viewer").email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#sign-in-error")).toContainText("The email or password is not right");
    await expect(page.getByLabel("Email")).toBeFocused();
  });

  test("a client viewer sees only their organization's numbers, and cannot upload", async ({ page, request }) => {
    const viewer = account("viewer");
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(viewer.email);
    await page.getByLabel("Password").fill(viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Issue 10: someone who sees one organization lands on its page, under its name, not "Fleet overview".
    await expect(page).toHaveURL(/\/organizations\/lakeside-clinic$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lakeside Clinic");

    // The cards equal their one organization's counts (read with the operator's token).
    const own = await apiGet<Summary>(request, "/api/v1/summary?organization=lakeside-clinic");
    await expectCardsToMatch(page, { ...own, organizations: 1 });
    // Only the actions a client viewer can use: no upload, no client to switch to, no admin pages.
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Upload" })).toHaveCount(0);
    await expect(header.getByRole("button", { name: "Switch client" })).toHaveCount(0);
    await expect(header.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Upload a scan/ })).toHaveCount(0);
    await page.goto("/");
    await expect(page).toHaveURL(/\/organizations\/lakeside-clinic$/);
    // A real redirect, decided before the page streams (not a 200 that refreshes itself), keeping the campaign.
    const home = await page.request.get("/?campaign=proxyshell", { maxRedirects: 0 });
    expect(home.status()).toBe(307);
    expect(home.headers().location).toBe("/organizations/lakeside-clinic?campaign=proxyshell");
    const text = await page.locator("main").innerText();
    for (const other of ["Harbor County", "Acme Dental", "Pine Hollow School District"]) expect(text).not.toContain(other);

    // Another organization's page and server are "not found", the same as ones that do not exist.
    expect((await page.goto("/organizations/harbor-county"))?.status()).toBe(404);
    const harbor = await apiGet<Page_<{ id: number }>>(request, "/api/v1/servers?organization=harbor-county&pageSize=1");
    expect((await page.goto(`/servers/${harbor.data[0].id}`))?.status()).toBe(404);

    await page.goto("/upload");
    await expect(page.getByText("Uploads are for your IT provider")).toBeVisible();
    await expect(page.getByRole("link", { name: "Upload" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test.describe("what a client sends is checked", () => {
  test.use({ storageState: SIGNED_OUT });

  test("issue 8 item 12: a next parameter that leaves the site leads home after sign-in", async ({ page }) => {
    const technician = account("technician");
    await page.goto("/sign-in?next=/%09/evil.example");
    await page.getByLabel("Email").fill(technician.email);
    await page.getByLabel("Password").fill(technician.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Fleet overview/);
    expect(new URL(page.url()).origin).toBe(`http://127.0.0.1:${PORT}`);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("issue 8 item 11: a chunked sign-in body past its limit is answered 413 at once, not read to its end", async () => {
    const total = 256 * 1024 * 1024;
    // The server answers and closes the connection while the client is still sending: the client sees the 413, or,
    // when the close overtakes the answer on the wire, a reset. Either way it happens long before the end of the body.
    const outcome = await new Promise<{ status?: number; error?: string; sent: number }>((resolve) => {
      let sent = 0;
      const req = httpRequest(
        { host: "127.0.0.1", port: PORT, path: "/api/session", method: "POST", headers: { "content-type": "application/json", origin: `http://127.0.0.1:${PORT}` } },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode, sent });
        },
      );
      req.on("error", (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message, sent }));
      req.setTimeout(20_000, () => req.destroy(new Error("no answer within 20 s")));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (sent < total && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
    if (outcome.status === undefined) expect(["ECONNRESET", "EPIPE"]).toContain(outcome.error);
    else expect(outcome.status).toBe(413);
    expect(outcome.sent).toBeLessThan(total / 4);
  });
});

test("issue 8 item 9: a forged X-Forwarded-For is not the address in the audit log", async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${PORT}` });
  const res = await anonymous.post("/api/session", {
    headers: { origin: `http://127.0.0.1:${PORT}`, "x-forwarded-for": "203.0.113.66", "x-patchboard-client-ip": "203.0.113.67" },
    data: { email: "forged.address@example.test", password: "not the password at all" },
  });
  expect(res.status()).toBe(401);
  await anonymous.dispose();

  await page.goto("/admin/audit?action=sign_in_failed&actor=forged.address");
  const row = page.getByTestId("audit-table").getByRole("row", { name: /forged\.address@example\.test/ });
  await expect(row).toContainText("127.0.0.1");
  await expect(page.getByTestId("audit-table")).not.toContainText("203.0.113.6");
});

test("an admin creates a token on the tokens page, the API accepts it, and once revoked it gets 401", async ({ page, playwright }) => {
  await page.goto("/admin/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Name", { exact: true }).fill("E2E RMM upload");
  await page.getByRole("radio", { name: "Technician" }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const box = page.getByTestId("new-token");
  await expect(box).toContainText("cannot be shown again");
  const token = (await page.getByTestId("new-token-value").innerText()).trim();
  expect(token).toMatch(/^pb_/);

  const api = await playwright.request.newContext({ baseURL: page.url(), extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await api.get("/api/v1/summary")).status()).toBe(200);

  await page.getByRole("row", { name: /E2E RMM upload/ }).getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Confirm revocation" }).click();
  await expect(page.getByRole("row", { name: /E2E RMM upload/ })).toContainText("Revoked");
  const refused = await api.get("/api/v1/summary");
  expect(refused.status()).toBe(401);
  await api.dispose();

  // Both show in the audit log.
  await page.goto("/admin/audit?action=token_revoke");
  await expect(page.getByTestId("audit-table")).toContainText("E2E RMM upload");
});

test("an admin deactivates a user after confirming, and the row says so", async ({ page }) => {
  await page.goto("/admin/users");
  await page.getByLabel("Name", { exact: true }).fill("Short Stay");
  await page.getByLabel("Email").fill("short.stay@msp.example");
  await page.getByLabel("Initial password").fill("a password for a short stay");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "can now sign in" })).toBeVisible();

  const row = page.getByRole("row", { name: /short\.stay@msp\.example/ });
  await row.getByRole("button", { name: /Deactivate/ }).click();
  await expect(page.getByRole("dialog")).toContainText("their sessions end at once");
  await expect(page.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.getByRole("button", { name: "Confirm deactivation" }).click();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: /Reactivate/ })).toBeFocused();
});
