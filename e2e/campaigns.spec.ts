import { apiGet, expect, expectCardsToMatch, expectNoAxeViolations, test, type Page_, type Summary } from "./fixtures";

interface ServerRow {
  id: number;
  hostname: string;
  updatesBehind: number | null;
}

test("issue 9: switching the overview between campaigns changes the counts, and the choice is kept in the URL", async ({ page, request }) => {
  const rollup = await apiGet<Summary>(request, "/api/v1/summary");
  const proxylogon = await apiGet<Summary>(request, "/api/v1/summary?campaign=proxylogon");
  expect(proxylogon.statuses).not.toEqual(rollup.statuses);
  await page.goto("/");
  await expectCardsToMatch(page, rollup);
  await page.getByLabel("Emergency").selectOption("proxylogon");
  await expect(page).toHaveURL(/campaign=proxylogon/);
  await expectCardsToMatch(page, proxylogon);
  await expect(page.getByText(/checked against ProxyLogon/)).toBeVisible();
  // The trend marks the campaign's disclosure.
  await expect(page.getByTestId("trend-chart").getByText("ProxyLogon disclosed", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Emergency").selectOption("all");
  await expect(page).not.toHaveURL(/campaign=/);
  await expectCardsToMatch(page, rollup);
});

test("issue 9: a server behind on updates shows its patch level and its open CVEs, known-exploited first", async ({ page, request }) => {
  const behind = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?behind=1&sort=hostname&pageSize=5");
  expect(behind.total).toBeGreaterThan(0);
  const server = behind.data.find((s) => (s.updatesBehind ?? 0) > 0)!;
  await page.goto(`/servers/${server.id}`);
  const level = page.getByTestId("patch-level");
  await expect(level).toContainText("Security updates behind");
  await expect(level).toContainText(String(server.updatesBehind));
  const cves = page.getByTestId("open-cves");
  await expect(cves.locator("li").first()).toContainText("known exploited");
  await expect(page.getByTestId("campaign-verdicts").locator("li")).toHaveCount(5);
  await expectNoAxeViolations(page);
});

test("issue 9: the servers list filters to servers behind on updates and to one open CVE", async ({ page, request }) => {
  const behind = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?behind=1");
  const cve = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?behind=1&cve=CVE-2021-26855");
  await page.goto("/servers");
  await page.getByLabel("Behind on security updates").check();
  await expect(page).toHaveURL(/behind=1/);
  await expect(page.getByText(new RegExp(`^${behind.total.toLocaleString("en-US")} servers? behind on security updates`))).toBeVisible();
  await page.getByLabel("Open CVE").selectOption("CVE-2021-26855");
  await expect(page).toHaveURL(/cve=CVE-2021-26855/);
  await expect(page.getByText(new RegExp(`^${cve.total.toLocaleString("en-US")} servers? behind on security updates with CVE-2021-26855 open`))).toBeVisible();
  await expectNoAxeViolations(page);
});

test("issue 9: an admin adds a campaign and every server is judged against it at once", async ({ page, request }) => {
  await page.goto("/admin/campaigns");
  await expect(page.getByTestId("campaigns-table").locator("tbody tr")).toHaveCount(5);
  await expectNoAxeViolations(page);
  const definition = page.getByLabel("Definition (JSON)");
  const example = JSON.parse(await definition.inputValue());
  await definition.fill(JSON.stringify({ ...example, id: "e2e-proxytoken", name: "E2E ProxyToken", cves: ["CVE-2021-33766"], fixes: [{ securityUpdate: "Apr21SU", cves: ["CVE-2021-33766"] }] }));
  await page.getByRole("button", { name: "Add the campaign" }).click();
  await expect(page.getByRole("status")).toContainText(/Added E2E ProxyToken: \d+ servers judged against it/);
  await expect(page.getByTestId("campaigns-table").locator("tbody tr")).toHaveCount(6);
  const summary = await apiGet<Summary>(request, "/api/v1/summary?campaign=e2e-proxytoken");
  const all = await apiGet<Summary>(request, "/api/v1/summary");
  expect(summary.servers).toBe(all.servers);

  // A bad definition names its fields.
  await definition.fill(JSON.stringify({ ...example, id: "e2e-bad", disclosed: "soon" }));
  await page.getByRole("button", { name: "Add the campaign" }).click();
  await expect(page.getByTestId("campaign-problems")).toContainText("disclosed");
});
