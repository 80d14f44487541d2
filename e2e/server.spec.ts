import type { APIRequestContext, Page } from "@playwright/test";
import { apiGet, expect, expectNoAxeViolations, SIGNED_OUT, test, type Page_, type Summary } from "./fixtures";

interface ServerRow {
  id: number;
  hostname: string;
  organization: string;
  status: string;
}

// A compromised server of the demo fleet (not one another spec uploaded): its scans list the same web shells again
// and again, and most of them change nothing.
async function compromisedDemoServer(request: APIRequestContext): Promise<ServerRow> {
  const compromised = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?status=compromised&sort=hostname&pageSize=100");
  const demo = compromised.data.find((s) => !s.organization.startsWith("e2e-"));
  expect(demo, "the demo fleet keeps some servers compromised").toBeDefined();
  return demo!;
}

async function expectFirstScreenToHoldTheAction(page: Page) {
  const verdict = page.getByTestId("verdict");
  const button = verdict.getByRole("button", { name: "Mark remediated" });
  await expect(verdict.getByLabel(/what was done/i)).toBeVisible();
  await expect(button).toBeVisible();
  // As the page opens: nothing scrolled.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = (await button.boundingBox())!;
  expect(box.y + box.height, "the Mark remediated button ends within the first 800 px").toBeLessThanOrEqual(800);
  const verdictBox = (await verdict.boundingBox())!;
  expect(verdictBox.y + verdictBox.height, "the verdict box ends within the first 800 px").toBeLessThanOrEqual(800);
}

test("open a compromised server from its organization, read the verdict, and mark it remediated", async ({ page, request }) => {
  const compromised = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?status=compromised&sort=hostname");
  expect(compromised.total).toBeGreaterThan(0);
  const target = compromised.data[0];
  const before = await apiGet<Summary>(request, "/api/v1/summary");

  await page.goto(`/organizations/${target.organization}`);
  await page.getByTestId("servers-table").getByRole("link", { name: target.hostname, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/servers/${target.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(target.hostname);
  await expect(page.getByTestId("verdict")).toContainText(/compromised/i);
  await expectNoAxeViolations(page);

  const note = "Web shell removed, server rebuilt, credentials reset (e2e).";
  await page.getByLabel(/what was done/i).fill(note);
  await page.getByRole("button", { name: "Mark remediated" }).click();
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByTestId("verdict")).not.toContainText(/^Compromised/);
  await expect(page.getByRole("button", { name: "Mark remediated" })).toHaveCount(0);

  const after = await apiGet<Summary>(request, "/api/v1/summary");
  expect(after.statuses.compromised).toBe(before.statuses.compromised - 1);
});

test("a server page explains the verdict in words", async ({ page, request }) => {
  const unpatched = await apiGet<Page_<ServerRow & { build: string; cumulativeUpdate: string }>>(
    request,
    "/api/v1/servers?campaign=proxylogon&status=unpatched&q=&sort=hostname&pageSize=100",
  );
  const cu19 = unpatched.data.find((s) => s.build?.startsWith("15.1.2176."));
  expect(cu19, "the demo fleet keeps some CU19 servers unpatched").toBeDefined();
  await page.goto(`/servers/${cu19!.id}`);
  // The verdict rolls every campaign up; each campaign's own reason is below it.
  await expect(page.getByTestId("verdict")).toContainText("Unpatched against");
  const proxylogon = page.getByTestId("campaign-proxylogon");
  await expect(proxylogon).toContainText(`Exchange 2016 CU19, build ${cu19!.build} is below 15.1.2176.9`);
  await expect(proxylogon).toContainText("KB5000871");
});

test.describe("issue 10: a compromised server's page fits on a screen", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the verdict box holds the remediation form, findings are one row per indicator, unchanged scans fold", async ({ page, request }) => {
    const target = await compromisedDemoServer(request);
    await page.goto(`/servers/${target.id}`);
    await expect(page.getByTestId("verdict")).toContainText("Verdict: Compromised");
    await expectFirstScreenToHoldTheAction(page);

    // One row per indicator: a web shell listed by every scan since the compromise is one row, seen many times.
    const findings = page.getByRole("table", { name: /Findings/ });
    const rows = findings.getByTestId("finding");
    await expect(rows.first()).toBeVisible();
    const times = (await findings.getByTestId("times-seen").allTextContents()).map(Number);
    expect(Math.max(...times), "a repeated indicator is counted, not listed again").toBeGreaterThan(1);
    const indicators = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")?.textContent ?? ""));
    expect(new Set(indicators).size).toBe(indicators.length);
    await expect(page.getByTestId("findings-summary")).toContainText(/\d+ indicators? open/);
    // The compromise check (if the server has one) never says clean beside open indicators.
    await expect(page.getByTestId("compromise-check").locator("[data-tone=clean]")).toHaveCount(0);

    // The history folds a run of scans that changed nothing into one row that opens from the keyboard.
    const run = page.getByTestId("scan-history").getByTestId("unchanged-run").first();
    const summary = run.locator("summary");
    await expect(summary).toHaveText(/^\d+ scans?, no change, /);
    const details = run.locator("details");
    await expect(details).not.toHaveAttribute("open");
    await expect(run.getByRole("list", { name: "Scans that changed nothing" })).toBeHidden();
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(details).toHaveAttribute("open", "");
    await expect(run.getByRole("list", { name: "Scans that changed nothing" })).toBeVisible();
    const folded = Number((await summary.textContent())!.match(/^(\d+)/)![1]);
    await expect(run.getByRole("list", { name: "Scans that changed nothing" }).getByRole("listitem")).toHaveCount(folded);
    await page.keyboard.press("Space");
    await expect(details).not.toHaveAttribute("open");

    // Whole page, light and dark, with the folded parts open.
    await summary.press("Enter");
    await page.getByTestId("campaign-verdicts").locator("summary").first().click();
    await expectNoAxeViolations(page);
    const background = () => page.getByTestId("verdict").evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(background, { message: "the page switched to its dark colors" }).not.toBe(light);
    await expectNoAxeViolations(page);
  });

  test("a client viewer of the organization reads the same verdict box without the form", async ({ page, browser, request }) => {
    const target = await compromisedDemoServer(request);
    const viewer = { email: "server.viewer@client.example", password: "server viewer password" };
    await page.goto("/admin/users");
    await page.getByLabel("Name", { exact: true }).fill("Server Viewer");
    await page.getByLabel("Email").fill(viewer.email);
    await page.getByLabel("Initial password").fill(viewer.password);
    await page.getByRole("radio", { name: "Client viewer" }).check();
    await page.locator(`input[name="organizations"][value="${target.organization}"]`).check();
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status").filter({ hasText: "can now sign in" })).toBeVisible();

    const context = await browser.newContext({ storageState: SIGNED_OUT, viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    await tab.goto("/sign-in");
    await tab.getByLabel("Email").fill(viewer.email);
    await tab.getByLabel("Password").fill(viewer.password);
    await tab.getByRole("button", { name: "Sign in" }).click();
    // Signed in: a one-organization user lands on that organization's page, others on the overview.
    await expect(tab.getByRole("banner").getByRole("button", { name: /^Search servers/ })).toBeVisible();
    await tab.goto(`/servers/${target.id}`);
    const verdict = tab.getByTestId("verdict");
    await expect(verdict).toContainText("Verdict: Compromised");
    await expect(verdict).toContainText("A technician or an admin records the remediation");
    await expect(tab.getByRole("button", { name: "Mark remediated" })).toHaveCount(0);
    await expect(tab.getByLabel(/what was done/i)).toHaveCount(0);
    await context.close();
  });
});
