// Issue 11 item 7: an organization's weekly digest as a page: what changed in the seven days ending today, and the
// week before, reached from the organization page.
import { ADMIN_TOKEN, expect, expectNoAxeViolations, test } from "./fixtures";

const ORG = { name: "E2E Digest Dental", slug: "e2e-digest-dental" };
// The week of 2021-03-08 to 03-14 (the seven days ending on `until`): DG-01, first seen unpatched the week before, is
// patched in it; DG-02 is first seen in it, unpatched; DG-03 is first seen in it with a web shell. The scans are of
// 2021, so the fleet's latest scan (which other specs read) stays as the demo has it.
const CSV = [
  "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation",
  `${ORG.name},DG-01,192.0.2.51,15.2.792.3,2021-03-04T10:00:00Z,,`,
  `${ORG.name},DG-01,192.0.2.51,15.2.792.10,2021-03-12T10:00:00Z,,`,
  `${ORG.name},DG-02,192.0.2.52,15.2.792.3,2021-03-12T10:00:00Z,,`,
  `${ORG.name},DG-03,192.0.2.53,15.2.792.10,2021-03-13T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx,`,
].join("\n");

test("issue 11: an organization's weekly digest shows a week's newly patched and exposed servers and new findings, and the week before", async ({ page, request }) => {
  const upload = await request.post("/api/v1/scans", { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" }, data: Buffer.from(CSV) });
  expect(upload.status()).toBe(201);

  await page.goto(`/organizations/${ORG.slug}?campaign=proxylogon`);
  await page.getByRole("link", { name: "Weekly digest" }).click();
  await expect(page).toHaveURL(new RegExp(`/organizations/${ORG.slug}/digest\\?campaign=proxylogon$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ORG.name);
  // This week nothing happened to this client: the page says so.
  await expect(page.getByText("A quiet week: no server changed status")).toBeVisible();

  await page.goto(`/organizations/${ORG.slug}/digest?campaign=proxylogon&until=2021-03-14`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mar 8, 2021 – Mar 14, 2021");
  await expect(page.getByTestId("digest-patched-count")).toHaveText("1");
  await expect(page.getByTestId("digest-patched")).toContainText("DG-01");
  await expect(page.getByTestId("digest-exposed-count")).toHaveText("2");
  await expect(page.getByTestId("digest-exposed")).toContainText("DG-02");
  await expect(page.getByTestId("digest-exposed")).toContainText("DG-03");
  await expect(page.getByTestId("digest-findings-count")).toHaveText("1");
  await expect(page.getByTestId("digest-findings")).toContainText("shell.aspx");
  await expect(page.getByTestId("digest-hunts")).toContainText("No hunts this week");
  await expect(page.getByTestId("digest-counts").getByRole("row", { name: /All servers/ })).toContainText("+2");
  await expectNoAxeViolations(page);

  // The cards lead to their lists, and the server names to the servers.
  await page.getByTestId("digest-patched-count").click();
  await expect(page).toHaveURL(/#patched$/);
  await page.getByTestId("digest-patched").getByRole("link", { name: "DG-01" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("DG-01");
  await page.goto(`/organizations/${ORG.slug}/digest?campaign=proxylogon&until=2021-03-14`);

  // The week before: DG-01 was first seen then, unpatched.
  await page.getByRole("link", { name: "← Previous week" }).click();
  await expect(page).toHaveURL(/until=2021-03-07/);
  await expect(page.getByTestId("digest-exposed")).toContainText("DG-01");
  await expect(page.getByTestId("digest-patched-count")).toHaveText("0");
  await expect(page.getByTestId("digest-patched")).toContainText("No server was newly patched");
  await page.getByRole("link", { name: "Next week →" }).click();
  await expect(page.getByTestId("digest-patched")).toContainText("DG-01");

  // The client report carries the week before it (quiet for this client: its numbers are tested on recent scans in
  // tests/reports).
  await page.goto(`/organizations/${ORG.slug}/report?campaign=proxylogon`);
  await expect(page.getByRole("heading", { name: /^This week:/ })).toBeVisible();
  await expect(page.getByTestId("report-digest")).toHaveText("A quiet week: no server changed status, no new finding was reported, and no hunt was done.");
  await expectNoAxeViolations(page);
});
