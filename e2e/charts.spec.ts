import { expect, expectNoAxeViolations, test } from "./fixtures";

test("the charts are drawn in the server's HTML, with their caption and summary: no script draws them", async ({ page }) => {
  const res = await page.request.get("/");
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html.match(/data-testid="trend-area"/g)).toHaveLength(5);
  expect(html).toMatch(/<path d="M[^"]+Z" fill="var\(--status-patched\)"/);
  expect(html).toContain("Number of servers in each status, per day");
  expect(html).toMatch(/On the last day: [^<]* servers\)/);
  // Each bar is a link to its organization.
  expect(html).toMatch(/href="\/organizations\/[a-z0-9-]+"[^>]*data-testid="top-organizations-bar"|data-testid="top-organizations-bar"[^>]*href="\/organizations\//);
  // No charting library is loaded for them.
  await page.goto("/");
  await expect(page.getByTestId("trend-chart").getByTestId("trend-area")).toHaveCount(5);
  const scripts = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".js")).map((e) => e.name));
  for (const src of scripts) {
    const body = await (await page.request.get(src)).text();
    expect(body, src).not.toContain("recharts");
  }
});

test("the trend reads out a day's counts from the keyboard, and a bar opens its organization", async ({ page }) => {
  await page.goto("/");
  const trend = page.getByTestId("trend-chart");
  const plot = trend.getByTestId("trend-plot");
  const tooltip = trend.getByText(/^Total:/);
  // Focus before hydration does nothing yet: try until React answers.
  await expect(async () => {
    await plot.blur();
    await plot.focus();
    await expect(tooltip).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const last = await trend.locator("p").first().textContent();
  await page.keyboard.press("Home");
  const first = await trend.locator("p").first().textContent();
  expect(first).not.toEqual(last);
  await expect(trend.locator("figcaption")).toContainText(`Covers ${first}`);
  await page.keyboard.press("ArrowRight");
  await expect(trend.locator("p").first()).not.toHaveText(first!);
  await page.keyboard.press("Escape");
  await expect(tooltip).toBeHidden();

  await plot.hover();
  await expect(tooltip).toBeVisible();
  await expectNoAxeViolations(page);

  const bar = page.getByTestId("top-organizations-bar").first();
  const name = (await bar.getAttribute("aria-label"))!.split(":")[0];
  await bar.click();
  await expect(page).toHaveURL(/\/organizations\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});
