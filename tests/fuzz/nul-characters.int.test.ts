// Found by fuzzing POST /api/v1/scans: PostgreSQL's text holds no NUL, and one in an upload (a log line, a JSON
// "\u0000", the organization or file name given with it) failed the upload with a 500 there, dry runs included.
// SQLite stored them. Now every answer is a 2xx or a 4xx, on both databases.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { db } from "@/lib/data/db";
import { resetDatabase } from "../reset-database";
import { call } from "../api/request";

const HEADER = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n";
const ROW = (host: string) => `Harbor,${host},,15.2.792.3,2021-03-09T10:00:00Z,,\n`;

let token: string;
const post = (query: string, body: BodyInit, type = "text/csv") =>
  call(POST, `/api/v1/scans${query}`, { method: "POST", token, body, headers: { "content-type": type } });

beforeEach(async () => {
  await resetDatabase();
  token = (await createApiToken("admin")).token;
});

describe("NUL characters in an upload", () => {
  it("refuses an organization or a fixed organization with control characters as a bad request", async () => {
    for (const query of ["?organization=Har%00bor", "?dryRun=1&organization=Har%00bor", "?organization=Har%0Abor"]) {
      const res = await post(query, HEADER + ROW("EX1"));
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe("invalid_request");
    }
    const spec = encodeURIComponent(JSON.stringify({ columns: { hostname: "hostname", exchange_build: "exchange_build" }, fixed: { organization: "A\u0000" } }));
    expect((await post(`?mappingSpec=${spec}`, HEADER + ROW("EX1"))).status).toBe(400);
  });

  it("drops control characters from the file name", async () => {
    const res = await post("?fileName=scan%00%0A.csv", HEADER + ROW("EX1"));
    expect(res.status).toBe(201);
    expect(res.json.import.fileName).toBe("scan.csv");
  });

  it("rejects a row of our CSV with a NUL past the first bytes, and imports the rest", async () => {
    const filler = Array.from({ length: 120 }, (_, i) => ROW(`FILL${i}`)).join(""); // past the 4 KB detection looks at
    const res = await post("", HEADER + filler + ROW("EX\u00001") + ROW("EX2"));
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ accepted: 121, rejected: 1 });
  });

  it("keeps a tool's finding or server name holding a NUL, with U+FFFD in its place", async () => {
    const log = await post("?organization=Harbor&fileName=EXCH01-Cve-2021-27065.log", "C:\\inetpub\\a\u0000b.aspx\n", "text/plain");
    expect(log.status).toBe(201);
    expect((await db.indicator.findFirst())?.detail).toBe("C:\\inetpub\\a\ufffdb.aspx");
    const report = JSON.stringify({ ReportDate: "2021-03-09T10:15:02Z", Organization: "Harbor", Servers: [{ Name: "EX\u000002", BuildVersion: "15.2.792.3" }] });
    expect((await post("?dryRun=1", report, "application/json")).status).toBe(200);
    expect((await post("", report, "application/json")).status).toBe(201);
    expect(await db.server.findFirst({ where: { hostname: "EX\ufffd02" } })).not.toBeNull();
  });
});
