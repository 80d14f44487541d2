import { apiGet, expect, expectNoAxeViolations, test, type Page_ } from "./fixtures";

interface ServerRow {
  id: number;
  hostname: string;
  ipAddress: string | null;
  organizationName: string;
  status: string;
  stale: boolean;
  exposedSince: string | null;
}
interface Summary {
  latestScanAt: string | null;
}
const SEVERITY = ["compromised", "unpatched", "unknown", "mitigated", "patched"];

test("issue 10: worst first: the status cards, the servers table and sorting by status follow the severity order", async ({ page, request }) => {
  await page.goto("/");
  const cards = page.getByTestId(/^status-card-/);
  expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.replace("status-card-", "")))).toEqual(SEVERITY);

  const worst = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?pageSize=1");
  expect(worst.data[0].status).toBe("compromised");
  await page.goto("/servers");
  const table = page.getByTestId("servers-table");
  await expect(table.locator("tbody tr").first().locator("th")).toHaveText(worst.data[0].hostname);
  await expect(table.locator("tbody tr").first()).toContainText("Compromised");
  await expect(table.locator("th[aria-sort='ascending']")).toContainText("Status");

  // Descending is best first: patched servers lead.
  await table.getByRole("button", { name: /^Status/ }).click();
  await expect(page).toHaveURL(/sort=-status/);
  await expect(table.locator("tbody tr").first()).toContainText("Patched");

  // Several statuses at once.
  const either = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?status=compromised,unknown");
  const filter = page.getByRole("group", { name: "Status" });
  await filter.getByText("Compromised").click();
  await filter.getByText("Unknown").click();
  await expect(page.getByText(new RegExp(`^${either.total.toLocaleString("en-US")} compromised or unknown servers`))).toBeVisible();
});

test("issue 10: how fresh each number is: the latest scan, stale servers, how long exposures have been open", async ({ page, request }) => {
  const summary = await apiGet<Summary>(request, "/api/v1/summary");
  expect(summary.latestScanAt).not.toBeNull();
  await page.goto("/");
  const freshness = page.getByTestId("freshness");
  // The demo's scans end in January 2023: years old, and said so.
  await expect(freshness).toContainText(/Latest scan \d+ years ago/);
  await expect(freshness.locator("time")).toHaveAttribute("title", /2023/);
  await expect(freshness).toContainText("Nothing was scanned in the last 7 days");

  const rows = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?pageSize=5");
  expect(rows.data.every((r) => r.stale)).toBe(true);
  await page.goto("/servers");
  const first = page.getByTestId("servers-table").locator("tbody tr").first();
  await expect(first.getByText("Stale")).toBeVisible();
  await expect(first).toContainText(/\d+ years? ago/);
  expect(rows.data[0].exposedSince).not.toBeNull();
  await expect(first).toContainText(/\d+ years?/);

  // "Not scanned in N days", N offered from the setting.
  const notScanned = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?notScannedDays=30");
  await page.getByLabel("Not scanned in").selectOption("30");
  await expect(page).toHaveURL(/notScannedDays=30/);
  await expect(page.getByText(new RegExp(`^${notScanned.total.toLocaleString("en-US")} servers not scanned in 30 days`))).toBeVisible();
  await expectNoAxeViolations(page);

  // The threshold is a setting an admin changes, and the change is audited.
  await page.goto("/admin/settings");
  await page.getByLabel("Stale after (days)").fill("1000");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("at most 365 days")).toBeVisible();
  await page.getByLabel("Stale after (days)").fill("14");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("region", { name: "Freshness" }).getByRole("status")).toContainText("not scanned in 14 days");
  await expectNoAxeViolations(page);
  await page.goto("/");
  await expect(page.getByTestId("freshness")).toContainText("Nothing was scanned in the last 14 days");
  await page.goto("/admin/audit");
  await expect(page.getByRole("table", { name: "Audit log" }).getByText("Changed a setting").first()).toBeVisible();
  await page.goto("/admin/settings");
  await page.getByLabel("Stale after (days)").fill("7");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("region", { name: "Freshness" }).getByRole("status")).toContainText("not scanned in 7 days");
});

test("issue 10: Ctrl-K finds a server by hostname or IP, a client by name, and a page", async ({ page, request }) => {
  const server = (await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?sort=hostname&pageSize=50")).data.find((s) => s.ipAddress)!;
  await page.goto("/");
  const palette = page.getByRole("dialog", { name: "Search Patchboard" });
  // Ctrl-K before hydration reaches no listener yet: press until React answers.
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette.getByRole("combobox")).toBeFocused({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.type(server.hostname);
  await expect(palette.getByRole("option", { name: new RegExp(server.hostname) }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await palette.getByRole("option", { name: new RegExp(server.hostname) }).first().click();
  await expect(page).toHaveURL(new RegExp(`/servers/${server.id}`));
  await expect(palette).toBeHidden();

  // By IP address, chosen with the keyboard.
  await page.keyboard.press("Control+k");
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type(server.ipAddress!);
  await expect(palette.getByRole("option", { name: new RegExp(`${server.hostname} ${server.ipAddress!.replaceAll(".", "\\.")}\\b`) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/servers/${server.id}`));

  // A page by its name.
  await page.keyboard.press("Control+k");
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("audit");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/audit/);

  // The client switcher: clients worst first, then by name.
  await page.getByRole("banner").getByRole("button", { name: "Switch client" }).click();
  const switcher = page.getByRole("dialog", { name: "Switch client" });
  await expect(switcher.getByRole("group", { name: /Clients, worst first/ }).getByRole("option").first()).toBeVisible();
  await expect(switcher.getByRole("combobox")).toBeFocused();
  await page.keyboard.type(server.organizationName);
  await expect(switcher.getByRole("option", { name: new RegExp(server.organizationName) }).first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(server.organizationName);

  // Escape closes it.
  await page.keyboard.press("Control+k");
  await expect(palette).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
});

test.describe("issue 10: on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const scheme of ["light", "dark"] as const) {
    test(`the header folds into a menu, the worst cards are on the first screen, tables become cards (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/");
      const header = page.getByRole("banner");
      await expect(header.getByRole("link", { name: "Servers" })).toBeHidden();
      await header.getByRole("button", { name: "Menu" }).click();
      await expect(header.getByRole("link", { name: "Servers" })).toBeVisible();
      await header.getByRole("button", { name: "Menu" }).click();

      const compromised = page.getByTestId("status-card-compromised");
      const box = await compromised.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(844);
      await expectNoAxeViolations(page);

      await page.goto("/servers");
      const cards = page.getByRole("list", { name: "All servers" });
      await expect(cards).toBeVisible();
      await expect(page.getByTestId("servers-table").locator("table")).toBeHidden();
      await expect(cards.locator("li").first()).toContainText("Compromised");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(page);
    });
  }

  test("no page is wider than the phone: wide tables scroll in their own box", async ({ page }) => {
    for (const path of ["/organizations/lakeside-clinic", "/servers?sort=hostname", "/imports", "/admin/users", "/admin/tokens", "/admin/audit", "/admin/campaigns", "/admin/settings"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
    }
  });
});
