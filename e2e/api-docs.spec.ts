import { expect, expectNoAxeViolations, SIGNED_OUT, test } from "./fixtures";

// Issue 12 item 5: the API reference at /api/docs, drawn from the document /api/v1/openapi.json serves, read signed
// in: every operation grouped by tag with its parameters, body and answers, links to the schemas; served under the
// pages' CSP (one policy, with a nonce, not the API's) and breaking none of it; axe in light and dark mode.
test("issue 12: the API reference shows every operation by tag, under the pages' CSP", async ({ page }) => {
  // Every operation and schema on one page: axe reads it all, twice, which takes longer than a test's minute on 2 cores.
  test.slow();
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  // The API tokens page leads to it.
  await page.goto("/admin/tokens");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  const res = await page.goto("/api/docs");
  expect(res?.status()).toBe(200);
  const csp = res!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain("default-src 'none'");

  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  for (const tag of ["Fleet", "Organizations", "Servers", "Imports", "Campaigns", "Administration"]) {
    await expect(page.getByRole("heading", { level: 2, name: tag, exact: true })).toBeVisible();
  }
  // As many operations on the page as in the document.
  const document = (await (await page.request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  await expect(page.locator("article")).toHaveCount(operations);

  const servers = page.locator("#op-listservers");
  await expect(servers.getByRole("heading", { level: 3 })).toContainText("/api/v1/servers");
  await expect(servers).toContainText("notScannedDays");
  await expect(servers).toContainText("text/csv");
  await expect(servers).toContainText("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  const upload = page.locator("#op-uploadscans");
  await expect(upload).toContainText("multipart/form-data");
  await expect(upload).toContainText("application/x-ndjson");
  await expect(upload).toContainText("dryRun");
  await expect(upload).toContainText("unmapped_header");

  // The contents lead to an operation, and an answer's schema to its description.
  await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "/organizations/{slug}/digest" }).click();
  await expect(page).toHaveURL(/#op-getweeklydigest$/);
  await page.locator("#op-getweeklydigest").getByRole("link", { name: "WeeklyDigest" }).click();
  await expect(page).toHaveURL(/#schema-weeklydigest$/);
  await expect(page.getByRole("heading", { level: 3, name: "WeeklyDigest" })).toBeVisible();

  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/api/docs");
  await expectNoAxeViolations(page);
  expect(refused).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("issue 12: the document needs no sign-in; the reference page does, like every page", async ({ page, request }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toMatch(/^3\.1\./);
    await page.goto("/api/docs");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fapi%2Fdocs$/);
  });
});
