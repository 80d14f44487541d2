// Issue 11 item 3: the client report. Downloaded from the organization page as a PDF whose text holds the
// organization's counts as its page shows them; the printable page (axe-clean, print styles without the header);
// the MSP's name from the admin settings; and a client viewer gets their own report and nothing else.
import { readFile } from "node:fs/promises";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { pdfTextOf } from "../tests/support/pdf-text";
import { apiGet, expect, expectCardsToMatch, expectNoAxeViolations, SIGNED_OUT, test, type Summary } from "./fixtures";

const ORG = { slug: "lakeside-clinic", name: "Lakeside Clinic" };
const MSP = "Northwind Managed IT";

function countsSentence(summary: Summary): string {
  const s = summary.statuses;
  return `${summary.servers} Exchange server${summary.servers === 1 ? "" : "s"}: ${s.compromised} compromised, ${s.unpatched} unpatched, ${s.unknown} unknown, ${s.mitigated} mitigated, ${s.patched} patched.`;
}

test.describe.configure({ mode: "serial" });

test("an admin names the MSP for the reports on the settings page", async ({ page }) => {
  await page.goto("/admin/settings");
  await page.getByLabel("Your company's name").fill(MSP);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText(`Saved. Reports now come from ${MSP}.`)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the organization page's Download PDF gives the report with the organization's numbers as text", async ({ page, request }) => {
  const campaign = "proxylogon";
  await page.goto(`/organizations/${ORG.slug}?campaign=${campaign}`);
  const summary = await apiGet<Summary>(request, `/api/v1/summary?organization=${ORG.slug}&campaign=${campaign}`);
  await expectCardsToMatch(page, summary);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^patchboard-report-${ORG.slug}-${campaign}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const text = await pdfTextOf(await readFile((await download.path())!));
  expect(text).toContain(`Exchange security report: ${ORG.name}`);
  expect(text).toContain(MSP);
  expect(text).toContain(countsSentence(summary));
  expect(text).toContain("What remains to do");
});

test("the printable report matches the page, is axe-clean, and prints without the header", async ({ page, request }) => {
  await page.goto(`/organizations/${ORG.slug}`);
  await page.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/organizations/${ORG.slug}/report$`));
  await expect(page.getByRole("heading", { level: 1, name: `Exchange security report: ${ORG.name}` })).toBeVisible();
  const summary = await apiGet<Summary>(request, `/api/v1/summary?organization=${ORG.slug}`);
  await expect(page.getByTestId("report-counts")).toContainText(countsSentence(summary));
  await expectCardsToMatch(page, summary);
  await expect(page.getByText(MSP, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: "print", colorScheme: "light" });
  await expect(page.getByRole("banner").first()).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
});

test("the fleet report has a section per client and is axe-clean", async ({ page, request }) => {
  test.setTimeout(180_000);
  const organizations = await apiGet<{ total: number }>(request, "/api/v1/organizations?pageSize=1");
  await page.goto("/");
  await page.getByRole("link", { name: "Fleet report" }).click();
  await expect(page).toHaveURL(/\/report$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fleet report: every client" })).toBeVisible();
  await expect(page.getByTestId("report-section")).toHaveCount(organizations.total);
  await expectNoAxeViolations(page);
});

test.describe("a client viewer", () => {
  test.use({ storageState: SIGNED_OUT });

  test("downloads their own organization's report and nothing else", async ({ page }) => {
    const viewer = DEMO_ACCOUNTS.find((a) => a.role === "viewer")!;
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(viewer.email);
    await page.getByLabel("Password").fill(viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/organizations/${ORG.slug}`));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
    expect(await pdfTextOf(await readFile((await download.path())!))).toContain(ORG.name);

    const other = await page.request.get("/api/v1/organizations/harbor-county/report.pdf");
    const missing = await page.request.get("/api/v1/organizations/no-such-client/report.pdf");
    expect(other.status()).toBe(404);
    expect(await other.json()).toEqual(await missing.json());
    expect((await page.request.get("/api/v1/report.pdf")).status()).toBe(403);
    expect((await page.goto("/report"))?.status()).toBe(404);
    expect((await page.goto("/organizations/harbor-county/report"))?.status()).toBe(404);
  });
});
