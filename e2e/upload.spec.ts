import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { apiGet, expect, expectNoAxeViolations, SIGNED_OUT, test, type Page_, type Summary } from "./fixtures";

// 15.2.792.3 (Exchange 2019 CU8, no March 2021 update) is unpatched; 15.2.1258.12 (CU13, 2023) has every
// campaign's fix, so the roll-up calls it patched; a web shell makes UP-02 compromised whatever its build.
const CSV = [
  "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation",
  "E2E Upload Org,UP-01,192.0.2.201,15.2.792.3,2023-06-01T10:00:00Z,,",
  "E2E Upload Org,UP-02,192.0.2.202,15.2.1258.12,2023-06-01T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\e2e-shell.aspx,",
  "E2E Upload Org,UP-03,192.0.2.203,15.2.1258.12,2023-06-01T10:00:00Z,,",
  "E2E Upload Org,,192.0.2.204,15.0.1497.2,2023-06-01T10:00:00Z,,",
].join("\n");
const FILE = { name: "e2e-scan.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) };

interface ImportRow {
  id: number;
  fileName: string | null;
  uploadedBy: string | null;
  newCompromises: number | null;
}

test("an upload that would create an organization asks first, and Cancel imports nothing", async ({ page, request }) => {
  await page.goto("/upload");
  await page.locator("input[type=file]").setInputFiles({
    name: "e2e-never.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("organization,hostname,exchange_build,scanned_at\nE2E Never Created,NEVER-01,15.2.792.3,2023-06-01T10:00:00Z\n"),
  });
  const ask = page.getByTestId("confirm-organizations");
  await expect(ask).toContainText("This upload will create 1 organization: E2E Never Created.");
  await expect(page.getByRole("heading", { name: "Create 1 organization?" })).toBeFocused();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "nothing was imported" })).toBeVisible();
  const orgs = await apiGet<Page_<{ name: string }>>(request, "/api/v1/organizations?q=E2E%20Never&pageSize=200");
  expect(orgs.total).toBe(0);
});

test("a CSV that creates an organization: the page asks, imports on yes, and shows each server before and after, new compromises first", async ({ page, request }) => {
  const before = await apiGet<Summary>(request, "/api/v1/summary");
  await page.goto("/upload");
  await expectNoAxeViolations(page);
  await page.locator("input[type=file]").setInputFiles(FILE);

  const ask = page.getByTestId("confirm-organizations");
  await expect(ask).toContainText("This upload will create 1 organization: E2E Upload Org.");
  // Nothing is written until the user says yes.
  expect((await apiGet<Summary>(request, "/api/v1/summary")).servers).toBe(before.servers);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "light" });
  await ask.getByRole("button", { name: "Create and import" }).click();

  const summary = page.getByTestId("upload-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Created the organization: E2E Upload Org.");
  await expect(summary).toContainText(/Accepted\s*3(?!\d)/);
  await expect(summary).toContainText(/Rejected\s*1(?!\d)/);
  await expect(summary.getByRole("row").filter({ hasText: "hostname is missing" })).toContainText("5");
  const counts = summary.getByTestId("import-change-counts");
  await expect(counts).toContainText(/New compromises\s*1(?!\d)/);
  await expect(counts).toContainText(/Worse\s*1(?!\d)/);
  await expect(counts).toContainText(/Better\s*1(?!\d)/);
  await expect(counts).toContainText(/Unchanged\s*0(?!\d)/);

  // The servers in the order the server gives them: new compromise, worse, better; each links to its page.
  const rows = summary.getByTestId("import-changes").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(/UP-02.*E2E Upload Org.*New compromise.*New server.*Compromised/);
  await expect(rows.nth(1)).toContainText(/UP-01.*Worse.*New server.*Unpatched/);
  await expect(rows.nth(2)).toContainText(/UP-03.*Better.*New server.*Patched/);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "light" });

  const after = await apiGet<Summary>(request, "/api/v1/summary");
  expect(after.servers).toBe(before.servers + 3);
  expect(after.statuses.compromised).toBe(before.statuses.compromised + 1);

  await rows.nth(0).getByRole("link", { name: "UP-02" }).click();
  await expect(page).toHaveURL(/\/servers\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("UP-02");
  await expect(page.getByTestId("verdict")).toContainText("Compromised");

  // The identical file again: nothing to ask (the organization exists now), nothing changes, and it says so.
  await page.goto("/upload");
  await page.locator("input[type=file]").setInputFiles(FILE);
  await expect(page.getByTestId("upload-summary")).toContainText(/already imported/i);
  await expect(page.getByTestId("confirm-organizations")).toHaveCount(0);
  expect((await apiGet<Summary>(request, "/api/v1/summary")).servers).toBe(after.servers);
});

test("recent imports list the upload, and its link opens the stored summary with the servers before and after", async ({ page, request }) => {
  const list = await apiGet<Page_<ImportRow>>(request, "/api/v1/imports");
  const uploaded = list.data.find((r) => r.fileName === "e2e-scan.csv");
  expect(uploaded).toMatchObject({ uploadedBy: "owner@demo.patchboard.test", newCompromises: 1 });

  await page.goto("/upload");
  await page.getByRole("link", { name: "Recent imports" }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recent imports");
  const table = page.getByTestId("imports-table");
  const row = table.getByRole("row").filter({ hasText: "e2e-scan.csv" });
  await expect(row).toContainText("owner@demo.patchboard.test");
  await expect(row).toContainText("Upload page");
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "light" });

  await row.getByRole("link", { name: "e2e-scan.csv" }).click();
  await expect(page).toHaveURL(new RegExp(`/imports/${uploaded!.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("e2e-scan.csv");
  await expect(page.getByText(/Rows read\s*4(?!\d)/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Rejected rows" })).toContainText("hostname is missing");
  await expect(page.getByTestId("import-change-counts")).toContainText(/New compromises\s*1(?!\d)/);
  const rows = page.getByTestId("import-changes").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText(/UP-02.*New compromise/);
  await expect(rows.first().getByRole("link", { name: "UP-02" })).toHaveAttribute("href", /\/servers\/\d+$/);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);

  const missing = await page.goto("/imports/999999");
  expect(missing?.status()).toBe(404);
});

test("a client viewer sees neither another organization's import in the list nor its page", async ({ browser, request }) => {
  const uploaded = (await apiGet<Page_<ImportRow>>(request, "/api/v1/imports")).data.find((r) => r.fileName === "e2e-scan.csv")!;
  const viewer = DEMO_ACCOUNTS.find((a) => a.role === "viewer")!;
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const tab = await context.newPage();
  await tab.goto("/sign-in");
  await tab.getByLabel("Email").fill(viewer.email);
  await tab.getByLabel("Password").fill(viewer.password);
  await tab.getByRole("button", { name: "Sign in" }).click();
  // The viewer sees one organization, so signing in lands on its page.
  await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Lakeside Clinic");
  await tab.goto("/imports");
  await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Recent imports");
  const html = await tab.content();
  expect(html).not.toContain("e2e-scan.csv");
  expect(html).not.toContain("demo-fleet.csv");
  await expectNoAxeViolations(tab);
  expect((await tab.goto(`/imports/${uploaded.id}`))?.status()).toBe(404);
  expect((await tab.request.get(`/api/v1/imports/${uploaded.id}`)).status()).toBe(404);
  await context.close();
});
