import { apiGet, cardCount, expect, expectNoAxeViolations, test, type Summary } from "./fixtures";

const CSV = [
  "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation",
  "E2E Upload Org,UP-01,192.0.2.201,15.1.2176.2,2021-04-30T10:00:00Z,,",
  "E2E Upload Org,UP-02,192.0.2.202,15.2.792.3,2021-04-30T10:00:00Z,,",
  "E2E Upload Org,UP-03,192.0.2.203,15.0.1497.2,2021-04-30T10:00:00Z,,",
  "E2E Upload Org,,192.0.2.204,15.0.1497.2,2021-04-30T10:00:00Z,,",
].join("\n");

test("a CSV uploaded through the page imports with progress, reports rejected rows, and changes the counts", async ({ page, request }) => {
  const before = await apiGet<Summary>(request, "/api/v1/summary");
  await page.goto("/upload");
  await expectNoAxeViolations(page);
  await page.locator("input[type=file]").setInputFiles({ name: "e2e-scan.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });

  const summary = page.getByTestId("upload-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(/Accepted\s*3(?!\d)/);
  await expect(summary).toContainText(/Rejected\s*1(?!\d)/);
  await expect(summary.getByRole("row").filter({ hasText: "hostname is missing" })).toContainText("5");

  await page.goto("/");
  await expect(page.getByTestId("status-card-unpatched")).toContainText(cardCount(before.statuses.unpatched + 3));
  const after = await apiGet<Summary>(request, "/api/v1/summary");
  expect(after.servers).toBe(before.servers + 3);

  // The identical file again changes nothing and says so.
  await page.goto("/upload");
  await page.locator("input[type=file]").setInputFiles({ name: "e2e-scan.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await expect(page.getByTestId("upload-summary")).toContainText(/already imported/i);
  expect((await apiGet<Summary>(request, "/api/v1/summary")).servers).toBe(after.servers);
});
