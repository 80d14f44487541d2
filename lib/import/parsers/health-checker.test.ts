import { describe, expect, it } from "vitest";
import { collect, fileErrorOf, fixture, observations, pieces } from "./parser-test-support";
import { looksLikeHealthChecker, parseHealthChecker } from "./health-checker";

const SAMPLE = fixture("healthchecker-vulnerability-report.json");
const REPORT_DATE = new Date("2021-03-09T10:15:02Z");
const parse = (input: string | Uint8Array, scannedAt: Date | null = null, size?: number) =>
  collect(parseHealthChecker, input, scannedAt, size);
const fileError = (input: string | Uint8Array, size?: number) => fileErrorOf(parseHealthChecker, input, size);
const report = (servers: unknown[], header: Record<string, unknown> = { Organization: "Acme", ReportDate: "2021-03-09T10:15:02" }) =>
  JSON.stringify({ VersionReport: "24.03.14.1738", ...header, Servers: servers }, null, 2);
const server = (fields: Record<string, unknown> = {}) => ({
  Name: "EXCH01", BuildVersion: "15.1.2176.9", HasVulnerability: false, Vulnerabilities: [], Online: true, ...fields,
});

describe("parseHealthChecker: the sample report", () => {
  it("yields one observation per server, numbered by position", async () => {
    const recs = await parse(SAMPLE);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3]);
    const [one, two, three] = observations(recs);
    expect(one).toEqual({
      hostname: "EXCH01",
      organization: "Harbor County",
      ipAddress: null,
      build: "15.2.792.3",
      scannedAt: REPORT_DATE,
      indicators: [],
      mitigation: null,
      patchEvidence: "build",
      toolVerdict: {
        tool: "health-checker",
        vulnerable: true,
        cves: ["CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065", "CVE-2021-26412", "CVE-2021-27078", "CVE-2021-26854"],
      },
      compromiseCheck: null,
      online: true,
    });
    expect(two).toMatchObject({ hostname: "EXCH02", build: "15.2.792.10", toolVerdict: { vulnerable: false, cves: [] }, online: true });
    // Offline, no build: nothing answers the patch question.
    expect(three).toMatchObject({ hostname: "EXCH03", build: null, patchEvidence: "not-determined", online: false });
    expect(three.toolVerdict?.vulnerable).toBe("unknown");
  });

  it("gives the same result whatever the chunking, down to one byte", async () => {
    const whole = await parse(SAMPLE);
    expect(await parse(SAMPLE, null, 1)).toEqual(whole);
    expect(await parse(SAMPLE, null, 7)).toEqual(whole);
  });

  it("prefers the caller's scannedAt to ReportDate", async () => {
    const at = new Date("2021-03-10T00:00:00Z");
    expect(observations(await parse(SAMPLE, at)).map((o) => o.scannedAt)).toEqual([at, at, at]);
  });

  it("is recognised by looksLikeHealthChecker, and other formats are not", () => {
    expect(looksLikeHealthChecker(SAMPLE.toString("utf8").slice(0, 1024))).toBe(true);
    expect(looksLikeHealthChecker("organization,hostname\nAcme,EXCH01")).toBe(false);
    expect(looksLikeHealthChecker(fixture("nmap-proxylogon.xml").toString("utf8"))).toBe(false);
    expect(looksLikeHealthChecker('{"Servers": [')).toBe(false);
    expect(looksLikeHealthChecker('\uFEFF {"Servers": [', "HealthChecker-VulnerabilityReport-20210309.json")).toBe(true);
  });
});

describe("parseHealthChecker: header fields", () => {
  it("applies Organization and ReportDate that come after the Servers array", async () => {
    const text = `{"Servers": [${JSON.stringify(server())}, ${JSON.stringify(server({ Name: "EXCH02" }))}],
      "Organization": "Late Org", "ReportDate": "/Date(1615284902000)/", "VersionReport": "1"}`;
    const obs = observations(await parse(text, null, 5));
    expect(obs.map((o) => [o.hostname, o.organization, o.scannedAt])).toEqual([
      ["EXCH01", "Late Org", REPORT_DATE],
      ["EXCH02", "Late Org", REPORT_DATE],
    ]);
  });

  it("holds back only a bounded number of servers waiting for a late header", async () => {
    const servers = [1, 2, 3].map((i) => JSON.stringify(server({ Name: `EXCH0${i}` })));
    const late = `{"Servers": [${servers.join(",")}], "Organization": "Late Org"}`;
    const early = `{"Organization": "Acme", "ReportDate": "2021-03-09T10:15:02", "Servers": [${servers.join(",")}]}`;
    const run = async (text: string) => {
      const out: unknown[] = [];
      for await (const rec of parseHealthChecker(pieces(text), { scannedAt: null, maxPending: 2 })) out.push(rec);
      return out;
    };
    await expect(run(late)).rejects.toMatchObject({ code: "header_too_late" });
    expect(await run(early)).toHaveLength(3);
  });

  it("leaves organization null when the report lacks it, and rejects a report without a time", async () => {
    const [obs] = observations(await parse(report([server()], { ReportDate: "2021-03-09T10:15:02" })));
    expect(obs).toMatchObject({ organization: null, scannedAt: REPORT_DATE });
    expect((await fileError(report([server()], {}))).code).toBe("scan_time_unknown");
  });

  it("reads PowerShell 5.1's DateTime object form", async () => {
    const [obs] = observations(await parse(report([server()], { ReportDate: { value: "/Date(1615284902000)/", DisplayHint: 2 } })));
    expect(obs.scannedAt).toEqual(REPORT_DATE);
  });

  it("reads ISO and .NET dates, and a US date whose day is past 12", async () => {
    const at = async (ReportDate: string) => observations(await parse(report([server()], { ReportDate })))[0].scannedAt;
    expect(await at("2021-03-09T10:15:02")).toEqual(REPORT_DATE);
    expect(await at("2021-03-09T11:15:02.000+01:00")).toEqual(REPORT_DATE);
    expect(await at("/Date(1615284902000)/")).toEqual(REPORT_DATE);
    expect(await at("/Date(1615284902000+0100)/")).toEqual(REPORT_DATE);
    expect(await at("03/29/2021 10:15:02")).toEqual(new Date("2021-03-29T10:15:02Z"));
    expect((await fileError(report([server()], { ReportDate: "02/30/2021 10:15:02" }))).code).toBe("scan_time_unknown");
  });
});

describe("parseHealthChecker: server entries", () => {
  it("reports a server without a Name as an error and goes on", async () => {
    const recs = await parse(report([server({ Name: "  " }), "oops", server({ Name: "EXCH02" })]));
    expect(recs).toEqual([
      { line: 1, error: "The server entry has no Name." },
      { line: 2, error: "The server entry is not an object." },
      expect.objectContaining({ line: 3, observation: expect.objectContaining({ hostname: "EXCH02" }) }),
    ]);
  });

  it('maps HasVulnerability "Unknown", Online false, a bare CVE string and a padded build', async () => {
    const [obs] = observations(
      await parse(report([server({ HasVulnerability: "Unknown", Online: false, Vulnerabilities: "CVE-2021-26855", BuildVersion: " 15.1.2176.2 " })])),
    );
    expect(obs).toMatchObject({ build: "15.1.2176.2", online: false, patchEvidence: "build" });
    expect(obs.toolVerdict).toEqual({ tool: "health-checker", vulnerable: "unknown", cves: ["CVE-2021-26855"] });
  });

  it("takes a Servers object that PowerShell unwrapped from a one-element array", async () => {
    const text = `{"VersionReport": "1", "Organization": "Acme", "ReportDate": "2021-03-09", "Servers": ${JSON.stringify(server())}}`;
    expect(observations(await parse(text)).map((o) => o.hostname)).toEqual(["EXCH01"]);
  });

  it("reads a report saved in the ANSI code page (Set-Content) as windows-1252", async () => {
    const text = Buffer.from('{"Organization":"Gen\u00e8ve","ReportDate":"2021-03-09","Servers":[{"Name":"EX-Z\u00fcrich"}]}', "latin1");
    expect(observations(await parse(text, null, 5)).map((o) => [o.organization, o.hostname])).toEqual([["Genève", "EX-Zürich"]]);
  });

  it("reads the report as Windows PowerShell 5.1's Out-File writes it: UTF-16LE with a BOM, CRLF", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE.toString("utf8").replace(/\n/g, "\r\n"), "utf16le")]);
    expect(await parse(utf16, null, 3)).toEqual(await parse(SAMPLE));
  });

  it("yields nothing for a report whose Servers list is empty or null", async () => {
    expect(await parse(report([]))).toEqual([]);
    expect(await parse('{"VersionReport": "1", "Organization": "Acme", "Servers": null}')).toEqual([]);
  });

  it("reads a field of 900 KB (under the 1 MiB field limit)", async () => {
    const text = report([server({ Notes: "x".repeat(900 * 1024) }), server({ Name: "EXCH02" })]);
    expect(observations(await parse(text)).map((o) => o.hostname)).toEqual(["EXCH01", "EXCH02"]);
  });

  it("ignores a byte-order mark", async () => {
    expect(observations(await parse(`\uFEFF${report([server()])}`))).toHaveLength(1);
  });
});

describe("parseHealthChecker: rejected files", () => {
  it("rejects an empty or blank file", async () => {
    expect((await fileError("")).code).toBe("empty_file");
    expect((await fileError(" \n\t ")).code).toBe("empty_file");
    expect((await fileError(Buffer.from([0xff, 0xfe]))).code).toBe("empty_file"); // a UTF-16 BOM alone
  });

  it("rejects a truncated report with the line where it stops", async () => {
    const text = SAMPLE.toString("utf8");
    const err = await fileError(text.slice(0, text.indexOf("EXCH02")), 3);
    expect(err.code).toBe("malformed_json");
    expect(err.message).toMatch(/truncated/);
    expect(err.details).toMatchObject({ line: 8 }); // the line of "EXCH02", where the text stops
  });

  it("rejects malformed JSON with its line", async () => {
    const err = await fileError('{\n"Organization": "Acme",\n"Servers": [\n{"Name": "A",, }\n]}');
    expect(err.code).toBe("malformed_json");
    expect(err.details).toMatchObject({ line: 4 });
    expect(err.message).toMatch(/^Line 4: malformed JSON/);
    // Leading blank lines count, even when they arrive in chunks of their own.
    expect((await fileError('\n\n{\n"Servers": [,]}', 1)).details).toMatchObject({ line: 4 });
  });

  it("rejects a CSV, a JSON array and an object without Servers as another format", async () => {
    expect((await fileError("organization,hostname\nAcme,EXCH01\n")).code).toBe("wrong_format");
    expect((await fileError("[1, 2]")).code).toBe("wrong_format");
    expect((await fileError('{"VersionReport": "1", "Organization": "Acme"}')).code).toBe("wrong_format");
    expect((await fileError('{"Servers": "EXCH01"}')).code).toBe("wrong_format");
  });

  it("rejects content after the report object", async () => {
    expect((await fileError(`${report([server()])} {}`)).code).toBe("malformed_json");
  });
});

describe("parseHealthChecker: long-form builds", () => {
  it("issue 8 item 7: reads a BuildVersion written in Microsoft's long form as the same build, normalised", async () => {
    const builds = ["15.01.2176.0009", "15.1.2176.09", "15.02.0792.010"];
    const obs = observations(await parse(report(builds.map((b, i) => server({ Name: `EXCH0${i}`, BuildVersion: b })))));
    expect(obs.map((o) => o.build)).toEqual(["15.1.2176.9", "15.1.2176.9", "15.2.792.10"]);
  });
});
