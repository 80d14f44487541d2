// The reader layer over the tools' parsers: what leaves it for the writer. Found by fuzzing: a NUL in a tool's file
// reached PostgreSQL (which stores none) and failed the import, or its dry run, with a 500.
import { describe, expect, it } from "vitest";
import { detectFile, type ImportJob } from "./plan-imports";
import { readImportRecords, type ImportFormat, type RowRecord } from "./read-records";

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, "utf8");
}

async function read(format: ImportFormat, files: Array<{ name: string; text: string }>): Promise<RowRecord[]> {
  const detected = await Promise.all(files.map((f) => detectFile({ name: f.name, stream: bytes(f.text) })));
  const job: ImportJob = { first: detected[0], names: files.map((f) => f.name), files: (async function* () { yield* detected; })() };
  const options = { organization: format === "health-checker" ? null : "Harbor", scannedAt: null, now: new Date("2021-06-01T00:00:00Z"), format, mapping: null };
  const out: RowRecord[] = [];
  for await (const record of readImportRecords(job, format, false, options)) out.push(record);
  return out;
}

const rows = (records: RowRecord[]) => records.flatMap((r) => ("row" in r ? [r.row] : []));

describe("readImportRecords: text the databases can store", () => {
  it("keeps a finding whose line holds a NUL, with U+FFFD in its place", async () => {
    const [row] = rows(await read("test-proxylogon", [{ name: "EX\u000001-Cve-2021-27065.log", text: "C:\\inetpub\\a\u0000b.aspx\n" }]));
    expect(row.hostname).toBe("EX\ufffd01");
    expect(row.findings).toEqual([{ type: "CVE-2021-27065", detail: "C:\\inetpub\\a\ufffdb.aspx", seenAt: null }]);
  });

  it("replaces a NUL in a Health Checker server's name and organization", async () => {
    const report = JSON.stringify({ ReportDate: "2021-03-09T10:15:02Z", Organization: "CN=Har\\00bor,CN=Microsoft Exchange", Servers: [{ Name: "EX\u000002", BuildVersion: "15.2.792.3" }] });
    const [row] = rows(await read("health-checker", [{ name: "HealthChecker-VulnerabilityReport-20210309101502.json", text: report }]));
    expect(row).toMatchObject({ organization: "Har\ufffdbor", hostname: "EX\ufffd02" });
  });
});
