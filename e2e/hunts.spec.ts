import { apiGet, expect, expectNoAxeViolations, test, type Page_ } from "./fixtures";

interface ServerRow {
  id: number;
  hostname: string;
  organization: string;
  hunt: string;
  huntWindow: { windowFrom: string | null; windowTo: string | null; covered: number; days: number };
}

test("issue 11: record a hunt on a server and see \"needs a hunt\" drop by one", async ({ page, request }) => {
  await page.goto("/?campaign=proxylogon");
  const count = page.getByTestId("hunt-needed-count");
  const before = Number((await count.innerText()).replace(/\D/g, ""));
  const summary = await apiGet<{ huntNeeded: number }>(request, "/api/v1/summary?campaign=proxylogon");
  expect(before).toBe(summary.huntNeeded);
  expect(before).toBeGreaterThan(0);

  // A patched server that was exposed while ProxyLogon was exploited (a zero-day) and never checked.
  const [server] = (await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?campaign=proxylogon&hunt=needed&status=patched&pageSize=1")).data;
  expect(server.huntWindow.windowTo).not.toBeNull();

  // The card leads to the servers to hunt, oldest exposure first.
  await count.click();
  await expect(page).toHaveURL(/hunt=needed(%2C|,)partly-hunted/);
  await expect(page).toHaveURL(/sort=exposure/);

  await page.goto(`/servers/${server.id}?campaign=proxylogon#hunt`);
  const list = page.getByTestId("hunt-list");
  await expect(list.getByText("ProxyLogon", { exact: true })).toBeVisible();
  await expect(list).toContainText(`no check covers any of the ${server.huntWindow.days} days`);
  await expectNoAxeViolations(page);

  const form = page.getByTestId("record-hunt-form");
  await form.getByLabel("Covered from").fill(server.huntWindow.windowFrom!);
  await form.getByLabel("Covered to").fill(server.huntWindow.windowTo!);
  await form.getByLabel("Tool").fill("Defender for Endpoint timeline");
  await form.getByLabel("Note").fill("Reviewed the whole window: nothing found.");
  await form.getByRole("button", { name: "Record hunt" }).click();
  await expect(form.getByRole("status")).toContainText("Hunt recorded");
  await expect(page.getByTestId("recorded-hunts")).toContainText("Defender for Endpoint timeline");
  await expect(list).toContainText(`clean checks cover all ${server.huntWindow.days} days`);

  await page.goto("/?campaign=proxylogon");
  await expect(page.getByTestId("hunt-needed-count")).toHaveText(String(before - 1));
  const hunted = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?campaign=proxylogon&hunt=hunted&pageSize=200");
  expect(hunted.data.map((s) => s.id)).toContain(server.id);
});

test("issue 11: an organization lists its servers to hunt, oldest exposure first, and its time to patch with the patch curve", async ({ page, request }) => {
  const [first] = (await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?campaign=proxylogon&hunt=needed,partly-hunted&sort=exposure&pageSize=1")).data;
  await page.goto(`/organizations/${first.organization}?campaign=proxylogon`);
  const queue = page.getByTestId("hunt-queue");
  await expect(queue).toBeVisible();
  const times = await apiGet<{ median: number | null; exposed: number }>(request, `/api/v1/patch-times?campaign=proxylogon&organization=${first.organization}`);
  expect(times.exposed).toBeGreaterThan(0);
  await expect(page.getByTestId("patch-curve")).toBeVisible();
  await expect(page.getByTestId("patch-median")).toHaveText(times.median === null ? "–" : new RegExp(`^${times.median} days?$`));
  await expectNoAxeViolations(page);
});
