import { describe, expect, it } from "vitest";
import type { ObservationRecord } from "../observation";
import { parseHealthChecker } from "./health-checker";
import { observations, pieces } from "./parser-test-support";

const server = (fields: Record<string, unknown> = {}) => ({
  Name: "EXCH01", BuildVersion: "15.1.2176.9", HasVulnerability: false, Vulnerabilities: [], Online: true, ...fields,
});
const report = (header: Record<string, unknown>, servers: unknown[] = [server()]) =>
  JSON.stringify({ VersionReport: "21.03.08.1817", ...header, Servers: servers }, null, 2);

async function parse(text: string, options: { fileName?: string | null; scannedAt?: Date | null } = {}): Promise<ObservationRecord[]> {
  const out: ObservationRecord[] = [];
  for await (const r of parseHealthChecker(pieces(text, 7), { scannedAt: options.scannedAt ?? null, fileName: options.fileName ?? null })) out.push(r);
  return out;
}
const timeOf = async (reportDate: unknown, fileName: string | null = null) =>
  observations(await parse(report({ Organization: "Acme", ReportDate: reportDate }), { fileName }))[0].scannedAt?.toISOString();
const rejection = async (text: string, options: { fileName?: string | null } = {}) => {
  const err = await parse(text, options).then(() => null, (e: unknown) => e);
  expect(err).toMatchObject({ name: "ImportFileError" });
  return err as { code: string; message: string };
};

describe("parseHealthChecker: ReportDate in the server's locale", () => {
  it("issue 8 item 3: reads the common locales' (Get-Date).ToString()", async () => {
    const cases: Array<[string, string]> = [
      ["3/19/2021 10:15:02 AM", "2021-03-19T10:15:02.000Z"], // en-US
      ["3/19/2021 1:05:09 PM", "2021-03-19T13:05:09.000Z"],
      ["3/19/2021 12:05:09 AM", "2021-03-19T00:05:09.000Z"],
      ["19/03/2021 10:15:02", "2021-03-19T10:15:02.000Z"], // en-GB, fr-FR, it-IT
      ["19/03/2021 9:15:02", "2021-03-19T09:15:02.000Z"], // es-ES
      ["09.03.2021 10:15:02", "2021-03-09T10:15:02.000Z"], // de-DE, ru-RU, pl-PL: dotted is day-first
      ["9.3.2021 10.15.02", "2021-03-09T10:15:02.000Z"], // fi-FI
      ["19-3-2021 10:15:02", "2021-03-19T10:15:02.000Z"], // nl-NL
      ["2021-03-09 10:15:02", "2021-03-09T10:15:02.000Z"], // sv-SE
      ["2021/03/09 10:15:02", "2021-03-09T10:15:02.000Z"], // ja-JP
      ["2021/3/9 22:15:02", "2021-03-09T22:15:02.000Z"], // zh-CN
      ["2021. 03. 09. 10:15:02", "2021-03-09T10:15:02.000Z"], // hu-HU
      ["19/03/2021 10:15:02 pm", "2021-03-19T22:15:02.000Z"], // en-AU, en-NZ
      ["19/03/2021 10:15:02 p. m.", "2021-03-19T22:15:02.000Z"], // es-MX
      ["2021-03-09 10:15:02 p.m.", "2021-03-09T22:15:02.000Z"], // en-CA
      ["2021-03-09 오후 10:15:02", "2021-03-09T22:15:02.000Z"], // ko-KR
      ["2021/3/9 上午 10:15:02", "2021-03-09T10:15:02.000Z"], // zh-TW
      ["19/3/2021 10:15:02 μμ", "2021-03-19T22:15:02.000Z"], // el-GR
      ["3/19/2021 10:15:02\u202fAM", "2021-03-19T10:15:02.000Z"], // .NET on ICU: a narrow no-break space
      ["/Date(1615284902000)/", "2021-03-09T10:15:02.000Z"],
      ["2021-03-09T11:15:02.1234567+01:00", "2021-03-09T10:15:02.123Z"],
      ["3/3/2021 10:15:02 AM", "2021-03-03T10:15:02.000Z"], // day and month equal: either order
    ];
    for (const [text, iso] of cases) expect(await timeOf(text), text).toBe(iso);
  });

  it("issue 8 item 3: an ambiguous date (both numbers could be the month) is decided by the file name's time", async () => {
    const name = (stamp: string) => `C:\\Users\\admin\\Downloads\\HealthChecker-VulnerabilityReport-${stamp}.json`;
    expect(await timeOf("3/9/2021 10:15:02 AM", name("20210309101300"))).toBe("2021-03-09T10:15:02.000Z");
    expect(await timeOf("09/03/2021 10:15:02", name("20210309101300"))).toBe("2021-03-09T10:15:02.000Z");
    expect(await timeOf("03/09/2021 10:15:02", "HealthChecker-VulnerabilityReport-20210903101300 (1).json")).toBe("2021-09-03T10:15:02.000Z");
    expect(await timeOf("9-3-2021 10:15:02", name("20210309101300"))).toBe("2021-03-09T10:15:02.000Z");
    // A missing or unreadable ReportDate: the file name's time.
    expect(await timeOf("yesterday", name("20210309101300"))).toBe("2021-03-09T10:13:00.000Z");
    expect(await timeOf(null, name("20210309101300"))).toBe("2021-03-09T10:13:00.000Z");
    const missing = report({ Organization: "Acme" });
    expect(observations(await parse(missing, { fileName: name("20210309101300") }))[0].scannedAt?.toISOString()).toBe("2021-03-09T10:13:00.000Z");
  });

  it("issue 8 item 3: without a deciding time the file is rejected (scan_time_unknown), never dated at upload", async () => {
    for (const reportDate of ["3/9/2021 10:15:02 AM", "09/03/2021 10:15:02", "9-3-2021 10:15:02", "someday", 20210309]) {
      const err = await rejection(report({ Organization: "Acme", ReportDate: reportDate }), { fileName: "report.json" });
      expect(err.code, String(reportDate)).toBe("scan_time_unknown");
      expect(err.message).toMatch(/scannedAt=/);
    }
    expect((await rejection(report({ Organization: "Acme" }))).code).toBe("scan_time_unknown");
    expect((await rejection(report({ Organization: "Acme", ReportDate: null }))).code).toBe("scan_time_unknown");
    const ambiguous = await rejection(report({ ReportDate: "3/9/2021 10:15:02 AM" }));
    expect(ambiguous.message).toMatch(/day-first or month-first/);
  });

  // Found by fuzzing: PostgreSQL stores neither year 0 nor a year past 9999, and such a time failed the import with a 500.
  it("takes a time before 2000 or after 9999 for no date: the file name's time, else the file is rejected", async () => {
    const name = "HealthChecker-VulnerabilityReport-20210309101300.json";
    for (const reportDate of ["/Date(-999999999999999)/", "/Date(999999999999999)/", "/Date(-1)/", "0000-01-01T00:00:00Z", "1999-12-31 23:59:59"]) {
      expect(await timeOf(reportDate, name), reportDate).toBe("2021-03-09T10:13:00.000Z");
      expect((await rejection(report({ Organization: "Acme", ReportDate: reportDate }))).code, reportDate).toBe("scan_time_unknown");
    }
    expect(await timeOf("/Date(253402300799999)/")).toBe("9999-12-31T23:59:59.999Z");
    expect(await timeOf("2000-01-01T00:00:00Z")).toBe("2000-01-01T00:00:00.000Z");
    expect((await rejection(report({ Organization: "Acme", ReportDate: "3/9/2021 10:15:02 AM" }), { fileName: "HealthChecker-VulnerabilityReport-19990309101300.json" })).code).toBe("scan_time_unknown");
  });

  it("issue 8 item 3: the upload's scannedAt wins over ReportDate and the file name", async () => {
    const at = new Date("2021-04-01T00:00:00Z");
    const text = report({ Organization: "Acme", ReportDate: "3/9/2021 10:15:02 AM" });
    const [obs] = observations(await parse(text, { scannedAt: at, fileName: "HealthChecker-VulnerabilityReport-20210309101300.json" }));
    expect(obs.scannedAt).toEqual(at);
    expect(observations(await parse(report({ ReportDate: "gibberish" }), { scannedAt: at }))[0].scannedAt).toEqual(at);
  });
});

describe("parseHealthChecker: the tool's verdict, recorded as it said it", () => {
  const verdictOf = async (fields: Record<string, unknown>) =>
    observations(await parse(report({ Organization: "Acme", ReportDate: "2021-03-09T10:15:02" }, [server(fields)])))[0].toolVerdict;

  it("keeps every CVE Health Checker listed, upper-cased and once, for each campaign to read its own (issue 8 item 3)", async () => {
    const listed = ["CVE-2021-34473", "CVE-2021-26855", "cve-2021-27065", "CVE-2022-41040", "CVE-2021-26855", "not a cve"];
    expect(await verdictOf({ HasVulnerability: true, Vulnerabilities: listed })).toEqual({
      tool: "health-checker", vulnerable: true, cves: ["CVE-2021-34473", "CVE-2021-26855", "CVE-2021-27065", "CVE-2022-41040"],
    });
    expect(await verdictOf({ HasVulnerability: true, Vulnerabilities: "CVE-2023-21529" })).toMatchObject({ vulnerable: true, cves: ["CVE-2023-21529"] });
  });

  it("records not vulnerable, and unknown when HasVulnerability is \"Unknown\"", async () => {
    expect(await verdictOf({ HasVulnerability: false, Vulnerabilities: [] })).toEqual({ tool: "health-checker", vulnerable: false, cves: [] });
    expect(await verdictOf({ HasVulnerability: "False" })).toMatchObject({ vulnerable: false });
    expect(await verdictOf({ HasVulnerability: "Unknown", Vulnerabilities: [], Online: false })).toEqual({ tool: "health-checker", vulnerable: "unknown", cves: [] });
  });
});

describe("parseHealthChecker: Organization as an Active Directory distinguished name", () => {
  const orgOf = async (organization: unknown) =>
    observations(await parse(report({ Organization: organization, ReportDate: "2021-03-09T10:15:02" })))[0].organization;

  it("issue 8 item 3: uses the first CN value, with DN escapes undone; a plain name stays as it is", async () => {
    expect(await orgOf("CN=Contoso Corp,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=local")).toBe("Contoso Corp");
    expect(await orgOf("CN=Smith\\, Jones \\& Partners,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=sj,DC=local")).toBe("Smith, Jones & Partners");
    expect(await orgOf("cn=Gen\\C3\\A8ve Clinic\\2C SA,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=gc,DC=ch")).toBe("Genève Clinic, SA");
    expect(await orgOf('CN=\\"Quoted\\" \\+ Co\\\\Ltd,CN=Microsoft Exchange')).toBe('"Quoted" + Co\\Ltd');
    expect(await orgOf("Harbor County")).toBe("Harbor County");
    expect(await orgOf("  Acme, Inc.  ")).toBe("Acme, Inc.");
    expect(await orgOf("CN=,CN=Microsoft Exchange")).toBeNull();
  });
});
