// Issue 10: the audit log reads like a story: people by name, servers by hostname, addresses as people write
// them, and a range of days that narrows it.
import Database from "better-sqlite3";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { ADMIN_TOKEN, apiGet, expect, expectNoAxeViolations, test, type Page_ } from "./fixtures";

const ORG = "E2E Audit Story Clinic";
const HOST = "AUDIT-EX01";
const CSV = [
  "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation",
  `${ORG},${HOST},192.0.2.231,15.1.2176.2,2021-04-30T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\audit-shell.aspx,`,
].join("\n");
// As an earlier version recorded a failed sign-in over a dual-stack socket: the address IPv4-mapped.
const LEGACY = { at: "2021-03-05T10:00:00.000+00:00", actor: "legacy.visitor@example.test", ip: "::ffff:10.0.0.1" };

test("the audit log names the user and the server, shows addresses as people write them, and narrows to a range of days", async ({ page, request }) => {
  const owner = DEMO_ACCOUNTS.find((a) => a.role === "owner")!;
  const upload = await request.post("/api/v1/scans", { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" }, data: Buffer.from(CSV) });
  expect(upload.status()).toBe(201);
  const [server] = (await apiGet<Page_<{ id: number; hostname: string }>>(request, `/api/v1/servers?q=${HOST}`)).data;

  await page.goto(`/servers/${server.id}`);
  await page.getByLabel(/what was done/i).fill("Web shell removed (audit e2e).");
  await page.getByRole("button", { name: "Mark remediated" }).click();
  await expect(page.getByText("Web shell removed (audit e2e).")).toBeVisible();

  // An event written by an earlier version, straight into the server's database.
  const db = new Database("data/e2e.db");
  db.pragma("busy_timeout = 5000");
  db.prepare(`INSERT INTO "AuditEvent" ("at", "actorType", "actor", "action", "detail", "ip") VALUES (?, 'anonymous', ?, 'sign_in_failed', '{"reason":"wrong password"}', ?)`).run(
    LEGACY.at,
    LEGACY.actor,
    LEGACY.ip,
  );
  db.close();

  await page.goto("/admin/audit?action=remediate");
  const table = page.getByTestId("audit-table");
  const row = table.getByRole("row").filter({ hasText: HOST });
  await expect(row).toContainText(owner.name);
  await expect(row).toContainText(owner.email);
  await expect(row).toContainText(ORG);
  await expect(row.getByRole("link", { name: HOST })).toHaveAttribute("href", `/servers/${server.id}`);
  await expect(table).not.toContainText(`server ${server.id}`);
  await expectNoAxeViolations(page);

  await page.goto("/admin/audit");
  const everything = Number((await page.getByRole("status").filter({ hasText: /events?, newest first/ }).innerText()).match(/[\d,]+/)![0].replace(/,/g, ""));
  expect(everything).toBeGreaterThan(1);
  await expect(table).not.toContainText("::ffff:");

  // The range, through the form: one day in 2021, which holds only the earlier version's event.
  await page.getByLabel("From").fill("2021-03-05");
  await page.getByLabel("To").fill("2021-03-05");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/from=2021-03-05/);
  await expect(page).toHaveURL(/to=2021-03-05/);
  await expect(page.getByRole("status").filter({ hasText: /newest first/ })).toHaveText("1 event, newest first.");
  await expect(table.getByRole("row").filter({ hasText: LEGACY.actor })).toContainText("10.0.0.1");
  await expect(table).not.toContainText("::ffff:");
  await expect(page.getByLabel("From")).toHaveValue("2021-03-05");

  // A day with nothing, and a range that ends before it starts (told, not silently ignored).
  await page.goto("/admin/audit?from=2021-03-06&to=2021-03-06");
  await expect(page.getByText("No events match these filters")).toBeVisible();
  await page.goto("/admin/audit?from=2021-03-06&to=2021-03-05");
  await expect(page.getByRole("alert").filter({ hasText: "To was left out" })).toBeVisible();
});

test("the audit page passes axe in light and dark mode", async ({ page }) => {
  // A page of events, read by axe twice: about 45 s on a loaded 2-core machine, too close to a test's minute.
  test.slow();
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-table")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/admin/audit?from=2021-03-06&to=2021-03-05");
  await expect(page.getByRole("alert").filter({ hasText: "To was left out" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/admin/audit");
  await expectNoAxeViolations(page);
});
