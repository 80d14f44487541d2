// Issue 11: the servers and organizations tables as CSV and Excel downloads, with the page's filters, sort and
// campaign, scoped to the caller.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Download, Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { expect, expectNoAxeViolations, SIGNED_OUT, test } from "./fixtures";

async function downloadCsv(page: Page, name: RegExp): Promise<{ download: Download; rows: Record<string, string>[] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const bytes = await readFile((await download.path())!);
  return { download, rows: parse(bytes, { bom: true, columns: true }) };
}

/** What the table shows: each row's hostname, organization (when shown) and status, by column headers. */
async function tableRows(page: Page) {
  const table = page.getByTestId("servers-table");
  const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.trim().toLowerCase());
  const at = (name: string) => headers.findIndex((h) => h.startsWith(name));
  return table.locator("tbody tr").evaluateAll(
    (rows, idx) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll("th, td")].map((c) => (c as HTMLElement).innerText.trim());
        return { hostname: cells[idx.host], organization: idx.org >= 0 ? cells[idx.org] : null, status: cells[idx.status].toLowerCase() };
      }),
    { host: at("hostname"), org: at("organization"), status: at("status") },
  );
}

test("issue 11: export the filtered and sorted servers table to CSV and find the table's rows in it", async ({ page }) => {
  await page.goto("/servers?campaign=proxylogon");
  const filter = page.getByRole("group", { name: "Status" });
  await filter.getByText("Unpatched").click();
  await expect(page).toHaveURL(/status=unpatched/);
  await page.getByTestId("servers-table").getByRole("button", { name: /^Last scan/ }).click();
  // Newest first on the first click.
  await expect(page).toHaveURL(/sort=-lastScanAt/);
  const total = Number((await page.getByText(/^[\d,]+ unpatched servers?/).innerText()).match(/^([\d,]+)/)![1].replace(/,/g, ""));
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole("link", { name: "Export the servers as CSV" })).toHaveAttribute("href", /format=csv.*campaign=proxylogon.*status=unpatched.*sort=-lastScanAt/);

  const shown = await tableRows(page);
  const { download, rows } = await downloadCsv(page, /^Export the servers as CSV$/);
  expect(download.suggestedFilename()).toMatch(/^patchboard-servers-proxylogon-\d{4}-\d{2}-\d{2}\.csv$/);
  // Every matching server, not only the page shown; the page is its start, in the same order.
  expect(rows).toHaveLength(total);
  expect(rows.every((r) => r.Status === "unpatched" && r.Campaign === "proxylogon")).toBe(true);
  expect(rows.slice(0, shown.length).map((r) => ({ hostname: r.Hostname, organization: r.Organization, status: r.Status }))).toEqual(shown);
  const scans = rows.map((r) => r["Last scan (UTC)"]).filter(Boolean);
  expect(scans).toEqual([...scans].sort().reverse());
  await expectNoAxeViolations(page);
});

test("issue 11: the organizations table exports with its campaign, and Excel downloads", async ({ page }) => {
  await page.goto("/?campaign=proxyshell");
  const { rows } = await downloadCsv(page, /^Export the organizations as CSV$/);
  const table = page.getByTestId("organizations-table");
  const names = await table.locator("tbody tr th").allInnerTexts();
  expect(rows.slice(0, names.length).map((r) => r.Organization)).toEqual(names.map((n) => n.trim()));
  expect(rows.every((r) => r.Campaign === "proxyshell")).toBe(true);
  const [excel] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export the organizations as Excel" }).click()]);
  expect(excel.suggestedFilename()).toMatch(/^patchboard-organizations-proxyshell-.*\.xlsx$/);
  expect((await readFile((await excel.path())!)).subarray(0, 2).toString()).toBe("PK");
});

test("issue 11: a client viewer's export holds their organization only", async ({ browser }) => {
  const viewer = DEMO_ACCOUNTS.find((a) => a.role === "viewer")!;
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(viewer.email);
  await page.getByLabel("Password").fill(viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/organizations\/lakeside-clinic/);
  const { rows } = await downloadCsv(page, /^Export the servers as CSV$/);
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((r) => r.Organization))).toEqual(new Set(viewer.organizations));
  // The API answers the same when asked for everything.
  const all = await page.request.get("/api/v1/servers?format=csv");
  const allRows: Record<string, string>[] = parse(await all.body(), { bom: true, columns: true });
  expect(new Set(allRows.map((r) => r.Organization))).toEqual(new Set(viewer.organizations));
  await expectNoAxeViolations(page);
  await context.close();
});
