import { apiGet, expect, expectNoAxeViolations, test, type Page_, type Summary } from "./fixtures";

interface ServerRow {
  id: number;
  hostname: string;
  organization: string;
  status: string;
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
