import { readdirSync, readFileSync } from "node:fs";
import { ADMIN_TOKEN, apiGet, expect, expectNoAxeViolations, SIGNED_OUT, test, type Page_ } from "./fixtures";

const TPL_DIR = new URL("../lib/import/parsers/fixtures/test-proxylogon/", import.meta.url);
const TPL_FILES = readdirSync(TPL_DIR).map((name) => ({ name, mimeType: "text/csv", buffer: readFileSync(new URL(name, TPL_DIR)) }));

// An RMM tool's export: its own column names, semicolons.
const rmm = (rows: string[]) => Buffer.from(["Client;Server;Version;Checked", ...rows].join("\n") + "\n");

interface ServerRow {
  id: number;
  hostname: string;
  status: string;
}

test("a Test-ProxyLogon output folder's files upload together and the server page shows the compromise and the log age", async ({ page, request }) => {
  await page.goto("/upload");
  await page.getByLabel("Organization", { exact: true }).fill("E2E Harbor County");
  await page.getByLabel("Choose files").setInputFiles(TPL_FILES);
  // A new organization: the page asks before it creates one.
  await expect(page.getByTestId("confirm-organizations")).toContainText("This upload will create 1 organization: E2E Harbor County.");
  await page.getByRole("button", { name: "Create and import" }).click();

  const summary = page.getByTestId("upload-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Test-ProxyLogon output");
  await expect(summary).toContainText(/Servers created\s*1(?!\d)/);
  await expect(summary).toContainText(/Indicators recorded\s*[1-9]/);
  await expectNoAxeViolations(page);

  const servers = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?organization=e2e-harbor-county");
  expect(servers.data.map((s) => [s.hostname, s.status])).toEqual([["EXCH01", "compromised"]]);
  await page.goto(`/servers/${servers.data[0].id}`);
  await expect(page.getByTestId("verdict")).toContainText("Compromised");
  const check = page.getByTestId("compromise-check");
  await expect(check).toContainText(/indicators? found/);
  await expect(check).toContainText(/Logs cover only 12 days.*exploitation began January 6, 2021/);
  await expect(page.getByRole("table", { name: /Findings/ })).toContainText("CVE-2021-26855");
  await expectNoAxeViolations(page);
});

test("a CSV with its own columns is mapped on the page, the mapping is saved, and offered again for the same header", async ({ page, request }) => {
  await page.goto("/upload");
  await page.getByLabel("Choose files").setInputFiles({
    name: "rmm-export.csv",
    mimeType: "text/csv",
    buffer: rmm(["E2E Mapped Client;MAP-01;15.1.2176.9;2021-04-29", "E2E Mapped Client;MAP-02;15.1.2176.2;2021-04-29"]),
  });

  const heading = page.getByRole("heading", { name: /Match the columns of “rmm-export.csv”/ });
  await expect(heading).toBeFocused();
  await expect(page.getByRole("table", { name: /First rows/ })).toContainText("MAP-01");
  // Obvious names are matched already; the user checks them and fixes what is wrong.
  await expect(page.getByLabel(/^Hostname column/)).toHaveValue("Server");
  await page.getByLabel(/^Exchange build column/).selectOption("Version");
  await page.getByLabel(/^Organization column/).selectOption("Client");
  await page.getByLabel(/^Scanned at column/).selectOption("Checked");
  await page.getByLabel("Save this mapping as").fill("e2e-rmm");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Import with this mapping" }).click();
  await expect(page.getByTestId("confirm-organizations")).toContainText("This upload will create 1 organization: E2E Mapped Client.");
  await page.getByRole("button", { name: "Create and import" }).click();

  const summary = page.getByTestId("upload-summary");
  await expect(summary).toContainText("CSV with a column mapping");
  await expect(summary).toContainText(/Accepted\s*2(?!\d)/);
  const servers = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?organization=e2e-mapped-client&sort=hostname&campaign=proxylogon");
  expect(servers.data.map((s) => [s.hostname, s.status])).toEqual([
    ["MAP-01", "patched"],
    ["MAP-02", "unpatched"],
  ]);
  const mappings = await apiGet<{ mappings: { name: string }[] }>(request, "/api/v1/mappings");
  expect(mappings.mappings.map((m) => m.name)).toContain("e2e-rmm");

  // A later export with the same header: the saved mapping is offered, made for this header.
  await page.getByRole("button", { name: "Upload another file" }).click();
  await page.getByLabel("Choose files").setInputFiles({ name: "rmm-export-2.csv", mimeType: "text/csv", buffer: rmm(["E2E Mapped Client;MAP-03;15.2.792.10;2021-04-30"]) });
  await expect(page.getByText("A saved mapping fits this file")).toBeVisible();
  await expect(page.getByText("made for this header")).toBeVisible();
  await page.getByRole("button", { name: "Import with e2e-rmm" }).click();
  await expect(page.getByTestId("upload-summary")).toContainText(/Accepted\s*1(?!\d)/);
  const after = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?organization=e2e-mapped-client");
  expect(after.total).toBe(3);
});

test("a technician limited to one organization is offered only its mappings and shared ones, never another client's", async ({ page, browser, request }) => {
  const own = { name: "Lakeside Clinic", slug: "lakeside-clinic" };
  const orgs = await apiGet<Page_<{ slug: string; name: string }>>(request, "/api/v1/organizations?pageSize=200");
  const other = orgs.data.find((o) => o.slug !== own.slug)!;
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  // Column names of their own, so that these mappings fit no other test's file.
  const columns = { hostname: "Mailbox Host", exchange_build: "Exchange Version", scanned_at: "Seen" };
  const mappings = [
    { name: "e2e-scoped-other", columns, fixed: { organization: other.name } },
    { name: "e2e-scoped-own", columns, fixed: { organization: own.name } },
    { name: "e2e-scoped-shared", columns: { ...columns, organization: "Client" } },
  ];
  for (const m of mappings) expect((await request.post("/api/v1/mappings", { headers: auth, data: m })).status()).toBe(201);

  const tech = { email: "mapping.tech@msp.example", password: "mapping technician password" };
  await page.goto("/admin/users");
  await page.getByLabel("Name", { exact: true }).fill("Mapping Tech");
  await page.getByLabel("Email").fill(tech.email);
  await page.getByLabel("Initial password").fill(tech.password);
  await page.getByRole("radio", { name: "Technician" }).check();
  await page.getByLabel("Sees every organization").uncheck();
  await page.getByRole("checkbox", { name: own.name, exact: true }).check();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "can now sign in" })).toBeVisible();

  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const tab = await context.newPage();
  await tab.goto("/sign-in");
  await tab.getByLabel("Email").fill(tech.email);
  await tab.getByLabel("Password").fill(tech.password);
  await tab.getByRole("button", { name: "Sign in" }).click();
  // Signed in: a one-organization user lands on that organization's page, others on the overview.
  await expect(tab.getByRole("banner").getByRole("button", { name: /^Search servers/ })).toBeVisible();
  await tab.goto("/upload");
  await tab.getByLabel("Choose files").setInputFiles({
    name: "lakeside-inventory.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Client;Mailbox Host;Exchange Version;Seen\nLakeside Clinic;LAKE-MAP-01;15.1.2176.9;2021-04-29\n"),
  });
  await expect(tab.getByRole("button", { name: "Import with e2e-scoped-own" })).toBeVisible();
  await expect(tab.getByRole("button", { name: "Import with e2e-scoped-shared" })).toBeVisible();
  await expect(tab.getByRole("button", { name: "Import with e2e-scoped-other" })).toHaveCount(0);
  const html = (await tab.content()).toLowerCase();
  expect(html).not.toContain("e2e-scoped-other");
  expect(html).not.toContain(other.name.toLowerCase());

  await tab.getByRole("button", { name: "Import with e2e-scoped-own" }).click();
  await expect(tab.getByTestId("upload-summary")).toContainText(/Accepted\s*1(?!\d)/);
  const servers = await apiGet<Page_<ServerRow>>(request, `/api/v1/servers?organization=${own.slug}&q=LAKE-MAP`);
  expect(servers.data.map((s) => s.hostname)).toEqual(["LAKE-MAP-01"]);
  await context.close();
  for (const m of mappings) await request.delete(`/api/v1/mappings/${m.name}`, { headers: auth });
});
