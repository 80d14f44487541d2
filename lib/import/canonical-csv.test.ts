import { createReadStream, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HEADER, SAMPLE, chunks, collect, errorsOf, parseText, row, rowsOf } from "./canonical-csv-test-support";

describe("parseCanonicalCsv: the sample file", () => {
  it("parses every row of the sample with the physical line numbers", async () => {
    const recs = await collect(createReadStream(SAMPLE));
    expect(errorsOf(recs)).toEqual([]);
    expect(recs.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const rows = rowsOf(recs);
    expect(rows[0]).toEqual({
      organization: "Acme Dental",
      hostname: "MAIL01",
      ipAddress: "203.0.113.10",
      build: "15.1.2176.9",
      scannedAt: new Date("2021-03-08T14:02:00Z"),
      indicators: [],
      mitigation: null,
    });
    expect(rows[2]).toMatchObject({ scannedAt: new Date("2021-03-09T00:00:00Z"), mitigation: "eomt" });
    expect(rows[3]?.indicators).toEqual(["C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\shell.aspx"]);
    expect(rows[4]).toMatchObject({ organization: "Birch & Sons, LLC", scannedAt: new Date("2021-03-10T08:00:00Z") });
    // A three-part build is valid syntax; deciding that it is "unknown" is the status engine's job.
    expect(rows[5]?.build).toBe("15.1.2176");
  });

  it("gives the same result for a BOM, CRLF endings and a string source", async () => {
    const text = readFileSync(SAMPLE, "utf8");
    const expected = await parseText(text);
    expect(await parseText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual(expected);
    expect(await parseText(text.replace(/\n/g, "\r\n"))).toEqual(expected);
    expect(await collect(chunks(text))).toEqual(expected);
  });

  it("gives the same result when chunks split lines and multi-byte characters", async () => {
    const bytes = Buffer.from(`${HEADER}\n${row({ org: "Café Lumière" })}\r\n${row({ org: '"Zoë ""Ü"", Ltd"', host: "EX2" })}\n`);
    const whole = await parseText(bytes);
    const oneByteChunks = Array.from(bytes, (b) => Buffer.from([b]));
    expect(await collect(chunks(...oneByteChunks))).toEqual(whole);
    const cut = bytes.indexOf(Buffer.from("é")) + 1; // between the two bytes of "é"
    expect(await collect(chunks(bytes.subarray(0, cut), bytes.subarray(cut)))).toEqual(whole);
    expect(rowsOf(whole).map((r) => r?.organization)).toEqual(["Café Lumière", 'Zoë "Ü", Ltd']);
  });
});

describe("parseCanonicalCsv: CSV syntax", () => {
  it("reads quoted commas, quotes and line breaks, and keeps counting lines after them", async () => {
    const text = [
      HEADER,
      row({ org: '"Smith ""The Firm"", PC"', ind: '"a.aspx;\nb.aspx;\r\nc.aspx"' }),
      row({ host: "" }),
      row({ org: '"Multi\r\nLine\nOrg"', host: "EX3" }),
      row({ build: "bad" }),
    ].join("\r\n");
    const recs = await parseText(text);
    expect(rowsOf(recs)[0]).toMatchObject({ organization: 'Smith "The Firm", PC', indicators: ["a.aspx", "b.aspx", "c.aspx"] });
    expect(errorsOf(recs).map((e) => e.line)).toEqual([5, 9]);
    expect(recs.map((r) => r.line)).toEqual([2, 5, 6, 9]);
  });

  it("skips blank lines and rows of empty fields without losing line numbers", async () => {
    const text = `\n\n${HEADER}\n\n   \n${row()}\n,,,,,,\n\n${row({ build: "x" })}\n\n`;
    const recs = await parseText(text);
    expect(recs.map((r) => r.line)).toEqual([6, 9]);
    expect(errorsOf(recs)).toHaveLength(1);
  });

  it("matches header names loosely, in any order, and ignores unknown columns", async () => {
    const text = "Notes,Scanned At,EXCHANGE_BUILD,Host Name,IP-Address,Organization,Mitigation,OS\n" +
      "hello,2021-03-09,15.2.792.10,EX01,2001:db8::1,Harbor County,URL-Rewrite,Windows\n";
    expect(rowsOf(await parseText(text))).toEqual([
      {
        organization: "Harbor County",
        hostname: "EX01",
        ipAddress: "2001:db8::1",
        build: "15.2.792.10",
        scannedAt: new Date("2021-03-09T00:00:00Z"),
        indicators: [],
        mitigation: "eomt",
      },
    ]);
  });

  it("accepts a header with only the required columns", async () => {
    const recs = await parseText("organization,hostname,exchange_build,scanned_at\nAcme, MAIL01 ,15.1.2176.9,2021-03-09\n");
    expect(rowsOf(recs)).toEqual([
      {
        organization: "Acme",
        hostname: "MAIL01",
        ipAddress: null,
        build: "15.1.2176.9",
        scannedAt: new Date("2021-03-09T00:00:00Z"),
        indicators: [],
        mitigation: null,
      },
    ]);
  });

  it("yields nothing for a header without rows", async () => {
    expect(await parseText(HEADER)).toEqual([]);
    expect(await parseText(`${HEADER}\r\n\r\n`)).toEqual([]);
  });

  it("keeps a stray quote inside an unquoted field as text", async () => {
    expect(rowsOf(await parseText(`${HEADER}\n${row({ org: 'Rack 12" Ltd' })}\n`))[0]?.organization).toBe('Rack 12" Ltd');
  });

  it("reads a file that is not UTF-8 as windows-1252 (Excel's and older Windows tools' ANSI CSV)", async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(row({ org: "Caf\u00e9 Lumi\u00e8re" }), "latin1")]);
    expect(rowsOf(await parseText(bytes))[0]?.organization).toBe("Caf\u00e9 Lumi\u00e8re");
  });
});

describe("parseCanonicalCsv: rejected rows", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["missing organization", row({ org: "" }), /organization is missing/],
    ["missing hostname", row({ host: "  " }), /hostname is missing/],
    ["missing build", row({ build: "" }), /exchange_build is missing/],
    ["missing scan date", row({ at: "" }), /scanned_at is missing/],
    ["two-part build", row({ build: "15.1" }), /exchange_build "15.1" is not a build number/],
    ["five-part build", row({ build: "15.1.2176.9.1" }), /exchange_build/],
    ["text build", row({ build: "Exchange 2016 CU19" }), /exchange_build/],
    ["slash date", row({ at: "2021/03/09" }), /scanned_at "2021\/03\/09" is not an ISO 8601 date/],
    ["US date", row({ at: "03/09/2021" }), /is not an ISO 8601 date/],
    ["date-time without zone", row({ at: "2021-03-10T09:00:00" }), /with Z or an offset/],
    ["impossible date", row({ at: "2021-02-30" }), /scanned_at "2021-02-30" is not a valid date/],
    ["month 13", row({ at: "2021-13-01T00:00:00Z" }), /is not a valid date/],
    ["hour 25", row({ at: "2021-03-10T25:00:00Z" }), /is not a valid date/],
    ["year before 2000", row({ at: "0021-03-09" }), /scanned_at "0021-03-09" is before 2000/],
    ["bad IPv4", row({ ip: "999.1.1.1" }), /ip_address "999.1.1.1" is not an IPv4 or IPv6 address/],
    ["host name as IP", row({ ip: "mail.example.com" }), /ip_address/],
    ["unknown mitigation", row({ mit: "yes" }), /mitigation "yes" is not recognised; use eomt, eomtv2, eems, url-rewrite/],
    ["long hostname", row({ host: "h".repeat(256) }), /hostname is longer than 255 characters/],
    ["long organization", row({ org: "o".repeat(201) }), /organization is longer than 200 characters/],
    // Found by fuzzing: PostgreSQL stores no NUL, and one failed the import with a 500.
    ["NUL in the hostname", row({ host: "MAIL\u000001" }), /hostname or indicators contains a NUL character/],
    ["NUL in the organization", row({ org: "Acme\u0000" }), /contains a NUL character/],
    ["NUL in an indicator", row({ ind: "C:\\a\u0000.aspx" }), /contains a NUL character/],
    ["too few fields", "Acme,MAIL01,15.1.2176.9", /Expected 7 fields as in the header, found 3/],
    ["too many fields", `${row()},extra`, /Expected 7 fields as in the header, found 8/],
  ];
  it.each(cases)("rejects a row with %s", async (_name, line, message) => {
    const recs = await parseText(`${HEADER}\n${row()}\n${line}\n${row({ host: "MAIL09" })}\n`);
    expect(recs.map((r) => r.line)).toEqual([2, 3, 4]);
    const errors = errorsOf(recs);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(3);
    expect(errors[0].error).toMatch(message);
  });

  it("lists every problem of a row in one message", async () => {
    const [rec] = await parseText(`${HEADER}\n${row({ org: "", build: "x", mit: "maybe" })}\n`);
    expect(rec).toEqual({ line: 2, error: expect.stringMatching(/^organization is missing; exchange_build .*; mitigation .*\.$/) });
  });

  it("accepts the limits exactly and the date-time forms of ISO 8601", async () => {
    const ok = [
      row({ host: "h".repeat(255), org: "o".repeat(200), mit: "EOMT" }),
      row({ at: "2021-03-10T09:00+01:00" }),
      row({ at: "2021-03-10T09:00:00.123456-0130" }),
      row({ at: "2020-02-29t23:59:59z" }),
      row({ build: "15.01.2176.009", ip: "::ffff:192.0.2.1", ind: " a.aspx ;; b.aspx ; " }),
    ];
    const recs = await parseText([HEADER, ...ok].join("\n"));
    expect(errorsOf(recs)).toEqual([]);
    const rows = rowsOf(recs);
    expect(rows[1]?.scannedAt.toISOString()).toBe("2021-03-10T08:00:00.000Z");
    expect(rows[2]?.scannedAt.toISOString()).toBe("2021-03-10T10:30:00.123Z");
    expect(rows[3]?.scannedAt.toISOString()).toBe("2020-02-29T23:59:59.000Z");
    expect(rows[4]?.indicators).toEqual(["a.aspx", "b.aspx"]);
  });

  it("rejects dates in the future, allowing five minutes of clock skew", async () => {
    const now = new Date("2021-03-10T00:00:00Z");
    const text = [HEADER, row({ at: "2021-03-10T00:04:59Z" }), row({ at: "2021-03-10T00:05:01Z" }), row({ at: "2021-03-11" })].join("\n");
    const errors = errorsOf(await parseText(text, now));
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    expect(errors[0].error).toMatch(/scanned_at "2021-03-10T00:05:01Z" is in the future/);
  });
});

describe("parseCanonicalCsv: long-form builds", () => {
  it("issue 8 item 7: accepts builds written in Microsoft's long form and yields them normalised", async () => {
    const builds = ["15.01.2176.0009", "15.1.2176.09", "15.02.0792.010", "15.00.1497.012", "15.01.2176"];
    const recs = await parseText([HEADER, ...builds.map((build, i) => row({ host: `MAIL0${i}`, build }))].join("\n"));
    expect(errorsOf(recs)).toEqual([]);
    expect(rowsOf(recs).map((r) => r?.build)).toEqual(["15.1.2176.9", "15.1.2176.9", "15.2.792.10", "15.0.1497.12", "15.1.2176"]);
  });
});

describe("mitigations", () => {
  it("records each campaign's stopgap by its id, and EOMT's older name as EOMT", async () => {
    const header = "organization,hostname,exchange_build,scanned_at,mitigation";
    const csv = `${header}\nA,S1,15.2.1118.7,2022-10-05,EOMTv2\nA,S2,15.2.1118.7,2022-10-05,eems\nA,S3,15.1.2176.2,2021-03-16,url-rewrite\n`;
    expect(rowsOf(await parseText(csv, new Date("2023-01-01T00:00:00Z"))).map((r) => r?.mitigation)).toEqual(["eomtv2", "eems", "eomt"]);
  });
});
