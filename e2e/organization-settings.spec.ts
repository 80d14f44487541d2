// Issue 10: deleting an organization is on its Settings tab, which only admins have; the overview no longer
// shows it to the technicians who read it every day.
import type { Browser, BrowserContext } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { ADMIN_TOKEN, expect, expectNoAxeViolations, SIGNED_OUT, test } from "./fixtures";

const ORG = { name: "E2E Settings Dental", slug: "e2e-settings-dental" };
const CSV = ["organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation", `${ORG.name},SET-EX01,192.0.2.241,15.1.2176.9,2021-04-30T10:00:00Z,,`].join("\n");
const DEMO_ORG = "lakeside-clinic";

async function signedIn(browser: Browser, role: "technician"): Promise<BrowserContext> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Fleet overview/);
  await page.close();
  return context;
}

test("an admin deletes an organization from its Settings tab, not from its overview", async ({ page, request }) => {
  const upload = await request.post("/api/v1/scans", { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" }, data: Buffer.from(CSV) });
  expect(upload.status()).toBe(201);

  await page.goto(`/organizations/${ORG.slug}`);
  const tabs = page.getByRole("navigation", { name: "Organization" });
  await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ORG.name);
  await expect(page.getByTestId("servers-table")).toContainText("SET-EX01");
  await expect(page.getByRole("heading", { name: "Danger zone" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete organization" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await tabs.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/organizations/${ORG.slug}/settings$`));
  await expect(tabs.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "Danger zone" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "light" });

  const button = page.getByRole("button", { name: "Delete organization" });
  await expect(button).toBeDisabled();
  await page.getByLabel("Type the organization's name to confirm").fill(ORG.name);
  await button.click();
  await expect(page).toHaveURL(/\/$/);

  const gone = await request.get(`/api/v1/summary?organization=${ORG.slug}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(gone.status()).toBe(404);
  expect((await page.goto(`/organizations/${ORG.slug}/settings`))?.status()).toBe(404);

  // The log tells it, and says the organization is gone.
  await page.goto("/admin/audit?action=organization_delete");
  const row = page.getByTestId("audit-table").getByRole("row").filter({ hasText: ORG.name });
  await expect(row).toContainText("(deleted)");
  await expect(row.getByRole("link", { name: ORG.name })).toHaveCount(0);
});

test("the organization pages pass axe in dark mode, tabs included", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/organizations/${DEMO_ORG}`);
  await expect(page.getByRole("navigation", { name: "Organization" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a technician sees no Settings tab, and the settings page does not exist for them", async ({ browser }) => {
  const context = await signedIn(browser, "technician");
  const page = await context.newPage();
  await page.goto(`/organizations/${DEMO_ORG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lakeside Clinic");
  await expect(page.getByRole("navigation", { name: "Organization" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete organization" })).toHaveCount(0);

  const refused = await page.goto(`/organizations/${DEMO_ORG}/settings`);
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete organization" })).toHaveCount(0);
  await expect(page.getByText("Danger zone")).toHaveCount(0);
  await context.close();
});
