import { apiGet, expect, expectCardsToMatch, expectNoAxeViolations, test, type Page_, type Summary } from "./fixtures";

interface Org {
  slug: string;
  name: string;
}

test("the overview shows the demo fleet: cards, trend chart, top organizations and the organizations table", async ({ page, request }) => {
  const summary = await apiGet<Summary>(request, "/api/v1/summary");
  expect(summary.organizations).toBeGreaterThanOrEqual(35);
  expect(summary.statuses.compromised).toBeGreaterThan(0);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Fleet overview/);
  await expectCardsToMatch(page, summary);

  // One area per status, and a bar per organization: both in the server's HTML.
  await expect(page.getByTestId("trend-chart").getByTestId("trend-area")).toHaveCount(5);
  await expect(page.getByTestId("top-organizations-chart").getByTestId("top-organizations-bar").first()).toBeVisible();

  const rows = page.getByTestId("organizations-table").locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(25, summary.organizations));
  await expect(page.getByText(new RegExp(`${summary.organizations} organizations`)).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the organizations table sorts and filters on the server, with its state in the URL", async ({ page, request }) => {
  await page.goto("/");
  const table = page.getByTestId("organizations-table");
  const firstName = () => table.locator("tbody tr").first().locator("td, th").first();

  // Worst first by default: the organization with the most compromised servers is row 1.
  const worst = await apiGet<Page_<Org & { statuses: Record<string, number> }>>(request, "/api/v1/organizations?pageSize=1");
  expect(worst.data[0].statuses.compromised).toBeGreaterThan(0);
  await expect(firstName()).toHaveText(worst.data[0].name);
  await expect(table.locator("th[aria-sort='ascending']")).toContainText("Worst status");

  const firstByName = await apiGet<Page_<Org>>(request, "/api/v1/organizations?sort=name&pageSize=1");
  await table.getByRole("button", { name: /^Organization/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(firstName()).toHaveText(firstByName.data[0].name);
  const lastByName = await apiGet<Page_<Org>>(request, "/api/v1/organizations?sort=-name&pageSize=1");
  await table.getByRole("button", { name: /^Organization/ }).click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect(firstName()).toHaveText(lastByName.data[0].name);
  await expect(table.locator("th[aria-sort='descending']")).toHaveCount(1);

  const clinics = await apiGet<Page_<Org>>(request, "/api/v1/organizations?q=clinic");
  expect(clinics.total).toBeGreaterThan(0);
  await page.getByLabel(/filter.*name|search.*organi/i).fill("clinic");
  await expect(page).toHaveURL(/q=clinic/);
  await expect(table.locator("tbody tr")).toHaveCount(clinics.total);
  for (const name of await table.locator("tbody tr").allInnerTexts()) expect(name.toLowerCase()).toContain("clinic");

  // Reloading the URL gives the same view: the state lives in the address.
  await page.reload();
  await expect(table.locator("tbody tr")).toHaveCount(clinics.total);

  await page.getByLabel(/filter.*name|search.*organi/i).fill("");
  const compromised = await apiGet<Page_<Org>>(request, "/api/v1/organizations?status=compromised");
  const filter = page.getByRole("group", { name: "Has servers that are" });
  await filter.getByText("Compromised").click();
  await expect(page).toHaveURL(/status=compromised(&|$)/);
  await expect(table.locator("tbody tr")).toHaveCount(compromised.total);
  // Several statuses at once: organizations with any of them.
  const either = await apiGet<Page_<Org>>(request, "/api/v1/organizations?status=compromised,unknown&pageSize=100");
  await filter.getByText("Unknown").click();
  await expect(page).toHaveURL(/status=compromised%2Cunknown|status=compromised,unknown/);
  await expect(table.locator("tbody tr")).toHaveCount(Math.min(25, either.total));
  await expect(filter.getByRole("checkbox", { name: "Unknown" })).toBeChecked();
});

test("pages pass axe in dark mode too", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.getByTestId("trend-chart").getByTestId("trend-area")).toHaveCount(5);
  await expectNoAxeViolations(page);
  await page.goto("/upload");
  await expectNoAxeViolations(page);
});
