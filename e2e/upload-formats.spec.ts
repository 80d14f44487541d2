import { readdirSync, readFileSync } from "node:fs";
import { apiGet, expect, expectNoAxeViolations, test, type Page_ } from "./fixtures";

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

  const summary = page.getByTestId("upload-summary");
  await expect(summary).toContainText("CSV with a column mapping");
  await expect(summary).toContainText(/Accepted\s*2(?!\d)/);
  const servers = await apiGet<Page_<ServerRow>>(request, "/api/v1/servers?organization=e2e-mapped-client&sort=hostname");
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
