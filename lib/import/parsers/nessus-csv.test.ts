import { describe, expect, it } from "vitest";
import { campaignEvidence } from "../../domain/campaign-rules";
import { BUILT_IN_CAMPAIGNS } from "../../domain/campaigns/built-in";
import type { ObservationRecord, ScanObservation } from "../observation";
import { looksLikeNessusCsv, parseNessusCsv } from "./nessus-csv";
import { installedBuild } from "./nessus-plugin-output";
import { collect, fileErrorOf, fixture, observations, pieces } from "./parser-test-support";

const SAMPLE = fixture("nessus-export.csv");
const HEADER = "Plugin ID,CVE,CVSS v2.0 Base Score,Risk,Host,Protocol,Port,Name,Synopsis,Description,Solution,See Also,Plugin Output";

const parse = (input: string | Uint8Array, scannedAt: Date | null = null, size?: number) => collect(parseNessusCsv, input, scannedAt, size);
const fileError = (input: string | Uint8Array) => fileErrorOf(parseNessusCsv, input);
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
// One export row; only the columns the parser reads vary.
const row = (plugin: string, host: string, name: string, output = "", cve = "", synopsis = "") =>
  [plugin, q(cve), "", "None", host, "tcp", "443", q(name), q(synopsis), q("d"), q("s"), "", q(output)].join(",");
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const KB = "Security Updates for Microsoft Exchange Server (March 2021) (Remote)";
const DETECTION = "Microsoft Exchange Server Detection";
const errors = (recs: ObservationRecord[]) => recs.filter((r) => "error" in r);
const campaign = (id: string) => BUILT_IN_CAMPAIGNS.find((c) => c.id === id)!;
const PROXYLOGON = campaign("proxylogon");
const judgeBuild = (build: string | null, c: typeof PROXYLOGON) => c.judgeBuild(build);
// How a campaign reads the host: the parser records what Nessus saw, the campaign knows its plugins.
const readAs = (o: ScanObservation, id = "proxylogon") =>
  campaignEvidence({ scannedAt: new Date(0), build: o.build, mitigation: null, patchEvidence: o.patchEvidence, source: "nessus", signals: o.signals, cves: o.toolVerdict?.cves }, campaign(id));

describe("parseNessusCsv: the sample export", () => {
  it("groups rows by host, reads the multi-line Plugin Output and skips the non-Exchange host", async () => {
    const scannedAt = new Date("2021-03-09T09:00:00Z");
    const recs = await parse(SAMPLE, scannedAt);
    expect(recs).toEqual([
      {
        line: 2,
        observation: {
          hostname: "198.51.100.7",
          organization: null,
          ipAddress: "198.51.100.7",
          build: "15.2.792.3", // the installed version, not the fixed one
          scannedAt,
          indicators: [],
          mitigation: null,
          patchEvidence: "build",
          toolVerdict: { tool: "nessus", vulnerable: "unknown", cves: ["CVE-2021-26855", "CVE-2021-26857"] },
          compromiseCheck: null,
          online: true,
          signals: ["147003"],
        },
      },
      { line: 0, error: "1 host without Exchange findings was skipped (198.51.100.8)." },
    ]);
  });

  it("gives the same result whatever the chunking, down to one byte", async () => {
    expect(await parse(SAMPLE, null, 1)).toEqual(await parse(SAMPLE));
  });

  it("is recognised by looksLikeNessusCsv, ignoring case, spaces and underscores", () => {
    expect(looksLikeNessusCsv(HEADER.split(","))).toBe(true);
    expect(looksLikeNessusCsv(["plugin_id", "HOST", "Name"])).toBe(true);
    expect(looksLikeNessusCsv(["Plugin ID", "IP Address"])).toBe(false);
    expect(looksLikeNessusCsv(["organization", "hostname", "exchange_build", "scanned_at"])).toBe(false);
  });
});

describe("parseNessusCsv: verdicts per host", () => {
  it("marks a host with plugin 147003 vulnerable, with its CVEs deduplicated", async () => {
    const [obs] = observations(
      await parse(csv(row("147003", "mail.example.org", KB, "", "CVE-2021-26855"), row("147003", "MAIL.example.org", KB, "", "CVE-2021-26855, cve-2021-27065"))),
    );
    expect(obs).toMatchObject({ hostname: "mail.example.org", ipAddress: null, patchEvidence: "not-determined", signals: ["147003"] });
    expect(obs.toolVerdict).toEqual({ tool: "nessus", vulnerable: "unknown", cves: ["CVE-2021-26855", "CVE-2021-27065"] });
    expect(readAs(obs)).toBe("vulnerable");
    expect(readAs(obs, "proxyshell")).toBe("not-determined");
  });

  it("marks an Exchange 2010 host with plugin 147024 vulnerable", async () => {
    const out = "Installed version : 14.3.509.0\nFixed version : 14.3.513.0";
    const [obs] = observations(await parse(csv(row("147024", "ex2010", "Microsoft Exchange Server 2010 SP3 RCE", out, "CVE-2021-26857"))));
    expect(obs).toMatchObject({ build: "14.3.509.0", patchEvidence: "build", signals: ["147024"], toolVerdict: { cves: ["CVE-2021-26857"] } });
    expect(readAs(obs)).toBe("vulnerable");
  });

  it("hands a build from a detection plugin's output on as build evidence; Nessus's own verdict stays unknown", async () => {
    const recs = await parse(
      csv(
        row("19506", "ex2016", "Nessus Scan Information"),
        row("12345", "ex2016", DETECTION, "  Product : Exchange 2016 CU19\n  Version : 15.1.2176.9\n"),
      ),
    );
    expect(recs.map((r) => r.line)).toEqual([2]);
    expect(observations(recs)[0]).toMatchObject({
      hostname: "ex2016",
      build: "15.1.2176.9",
      patchEvidence: "build",
      toolVerdict: { tool: "nessus", vulnerable: "unknown", cves: [] },
    });
  });

  it("hands on a build below the fix and a three-part build for the engine to judge; without one, not determined", async () => {
    const recs = await parse(
      csv(
        row("1", "old", DETECTION, "Installed version : 15.1.2176.2"),
        row("2", "three", DETECTION, "Version : 15.1.2176"),
        row("3", "none", "Some plugin", "", "", "The remote host runs Microsoft Exchange."),
      ),
    );
    expect(observations(recs).map((o) => [o.hostname, o.build, o.patchEvidence, o.toolVerdict?.vulnerable])).toEqual([
      ["old", "15.1.2176.2", "build", "unknown"],
      ["three", "15.1.2176", "build", "unknown"],
      ["none", null, "not-determined", "unknown"],
    ]);
  });

  it("skips hosts without Exchange rows, even with SSH key exchange findings", async () => {
    const recs = await parse(csv(row("70658", "10.0.0.5", "SSH Weak Key Exchange Algorithms Enabled"), row("1", "10.0.0.6", "Ping")));
    expect(recs).toEqual([{ line: 0, error: "2 hosts without Exchange findings were skipped (10.0.0.5, 10.0.0.6)." }]);
  });

});

describe("parseNessusCsv: rows and files", () => {
  it("reports a row with the wrong field count or no Host at its line, and goes on", async () => {
    const recs = await parse(csv("147003,CVE-2021-26855,short", row("147003", " ", KB), row("147003", "ok", KB)));
    expect(errors(recs)).toEqual([
      { line: 2, error: "Expected 13 fields as in the header, found 3." },
      { line: 3, error: "Host is missing." },
    ]);
    expect(observations(recs.filter((r) => r.line === 4))[0].hostname).toBe("ok");
  });

  it("ignores a byte-order mark and reads CRLF line endings, also inside quoted output", async () => {
    const text = `\uFEFF${csv(row("9", "ex", DETECTION, "Path : C:\\\r\nVersion : 15.2.858.5"), row("147003", "ex2", KB))}`.replace(/\n/g, "\r\n");
    const recs = await parse(text.replace(/\r\r\n/g, "\r\n"));
    expect(recs.map((r) => r.line)).toEqual([2, 4]);
    expect(observations(recs)[0]).toMatchObject({ build: "15.2.858.5", patchEvidence: "build" });
  });

  it("yields nothing for a header alone, and rejects an empty file", async () => {
    expect(await parse(`${HEADER}\r\n`)).toEqual([]);
    expect(await parse(HEADER)).toEqual([]);
    expect((await fileError("")).code).toBe("empty_file");
    expect((await fileError("\n\n")).code).toBe("empty_file");
    expect((await fileError(Buffer.from([0xef, 0xbb, 0xbf]))).code).toBe("empty_file"); // a UTF-8 BOM alone
  });

  it("rejects another delimiter with a hint, quoted or not, and another header", async () => {
    const semi = await fileError(`${HEADER.replace(/,/g, ";")}\n147003;;;;x\n`);
    expect(semi.code).toBe("no_header");
    expect(semi.message).toContain("separated by commas");
    const quoted = await fileError(`${HEADER.split(",").map(q).join(";")}\n"147003";"CVE-2021-26855"\n`);
    expect(quoted.message).toContain("separated by commas");
    expect((await fileError(`${HEADER.replace(/,/g, "\t")}\n`)).message).toContain("separated by commas");
    expect((await fileError("organization,hostname,exchange_build,scanned_at\n")).code).toBe("no_header");
  });

  it("reads an export re-saved by Excel in the ANSI code page as windows-1252", async () => {
    const latin1 = Buffer.from(csv(row("9", "ex-gen\u00e8ve", DETECTION, "Version : 15.2.858.5", "", "Serveur de messagerie \u00e0 Gen\u00e8ve")), "latin1");
    const [obs] = observations(await parse(latin1, null, 7));
    expect(obs).toMatchObject({ hostname: "ex-genève", build: "15.2.858.5", patchEvidence: "build" });
  });

  it("reads an export saved as UTF-16LE with a BOM (Excel's Unicode text, PowerShell 5.1)", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE.toString("utf8").replace(/\n/g, "\r\n"), "utf16le")]);
    expect(await parse(utf16, null, 5)).toEqual(await parse(SAMPLE));
  });

  it("reads a Plugin Output just under the 1 MB record limit", async () => {
    const output = `${"x".repeat(1000 * 1000)}\nInstalled version : 15.1.2176.2`;
    const [obs] = observations(await parse(csv(row("147003", "big", KB, output), row("147003", "small", KB)), null, 4096));
    expect(obs).toMatchObject({ hostname: "big", build: "15.1.2176.2", patchEvidence: "build", signals: ["147003"] });
  });

  it("rejects the file when a Plugin Output field is over 1 MB, naming its line", async () => {
    const err = await fileError(csv(row("147003", "a", KB), row("9", "b", DETECTION, "x".repeat(1024 * 1024 + 10))));
    expect(err.code).toBe("record_too_large");
    expect(err.message).toMatch(/^Line 3: /);
  });

  it("rejects a file naming more hosts than the limit, which bounds memory", async () => {
    const rows = ["a", "b", "A", "c"].map((h) => row("1", h, "Ping"));
    const recs: ObservationRecord[] = [];
    const run = async () => {
      for await (const r of parseNessusCsv(pieces(csv(...rows), 1024), { scannedAt: null, maxHosts: 2 })) recs.push(r);
    };
    await expect(run()).rejects.toMatchObject({ code: "too_many_hosts", message: expect.stringMatching(/^Line 5: /) });
  });

  it("rejects an unclosed quote as malformed", async () => {
    expect((await fileError(`${HEADER}\n147003,"CVE-2021-26855\n`)).code).toBe("malformed_csv");
  });
});

describe("parseNessusCsv: long-form builds", () => {
  it("issue 8 item 7: reads builds written in Microsoft's long form as the same build, normalised", async () => {
    const recs = await parse(
      csv(
        row("147003", "a", KB, "Installed version : 15.01.2176.0009\nFixed version : 15.01.2176.0009"),
        row("9", "b", DETECTION, "  Version : 15.1.2176.09\n"),
        row("9", "c", DETECTION, "  Version : 15.02.0792.010\n"),
      ),
    );
    expect(observations(recs).map((o) => [o.hostname, o.build])).toEqual([
      ["a", "15.1.2176.9"],
      ["b", "15.1.2176.9"],
      ["c", "15.2.792.10"],
    ]);
    expect(installedBuild("Installed version : 15.01.2176.002\nFixed version : 15.01.2176.009")).toBe("15.1.2176.2");
  });
});

// Tenable's "Microsoft Exchange Server Unsupported Version Detection" plugins: 22313 (credentialed) and
// 108802 (uncredentialed, "name: / version:" lines). Their rows are Critical, but say nothing about ProxyLogon.
const UNSUPPORTED = "Microsoft Exchange Server Unsupported Version Detection";
const UNSUPPORTED_OUTPUT = (installed: string, supported = "15.1.2176.2 / 15.2.792.3") =>
  `\n  Path                : C:\\Program Files\\Microsoft\\Exchange Server\\V15\\\n  Installed version   : ${installed}\n` +
  `  Supported versions  : ${supported}\n  End of support date : 2021/03/16\n`;

describe("parseNessusCsv: builds judged by the status engine", () => {
  it("issue 8 item 2: a build below the fix without plugin 147003 is build evidence, not 'not determined'", async () => {
    const recs = await parse(csv(row("168000", "ex2016", "Microsoft Exchange Server Installed", "  Path : C:\\Exchange\\\n  Version : 15.1.2044.4\n")));
    const [obs] = observations(recs);
    expect(obs).toMatchObject({ build: "15.1.2044.4", patchEvidence: "build", toolVerdict: { tool: "nessus", vulnerable: "unknown", cves: [] } });
    // The status engine, not the parser, judges it: 2016 CU17 without the March 2021 update is unpatched.
    expect(judgeBuild(obs.build, PROXYLOGON).status).toBe("unpatched");
  });

  it("issue 8 item 2: a patched old CU that Nessus calls unsupported is judged by its installed build", async () => {
    const recs = await parse(
      csv(
        row("22313", "cu17", UNSUPPORTED, UNSUPPORTED_OUTPUT("15.1.2044.13"), "", "The Microsoft Exchange Server running on the remote host is no longer supported."),
        row("108802", "cu18", `${UNSUPPORTED} (Uncredentialed)`, "\nThe remote host is running Microsoft Exchange Server:\n\nname:    2016\nversion: 15.01.2106.013\n"),
      ),
    );
    const obs = observations(recs);
    expect(obs.map((o) => [o.hostname, o.build, o.patchEvidence, o.toolVerdict?.vulnerable])).toEqual([
      ["cu17", "15.1.2044.13", "build", "unknown"],
      ["cu18", "15.1.2106.13", "build", "unknown"],
    ]);
    expect(obs.map((o) => judgeBuild(o.build, PROXYLOGON).status)).toEqual(["patched", "patched"]);
  });

  it("issue 8 item 2: an unsupported-version row never makes a host vulnerable by itself", async () => {
    const [obs] = observations(await parse(csv(row("22313", "old", UNSUPPORTED, "Microsoft Exchange Server 2013 CU10 is no longer supported.", "CVE-2021-26855"))));
    expect(obs).toMatchObject({ build: null, patchEvidence: "not-determined", signals: ["22313"] });
    expect(readAs(obs)).toBe("not-determined");
  });

  it("issue 8 item 2: plugin 147003 outranks a build that looks patched, and a patched build alone is not the tool's 'no'", async () => {
    const recs = await parse(
      csv(
        row("9", "both", DETECTION, "Version : 15.2.792.10"),
        row("147003", "both", KB, "Installed version : 15.2.792.3\nFixed version : 15.2.792.10", "CVE-2021-26855"),
        row("9", "fixed", DETECTION, "Version : 15.2.792.10"),
      ),
    );
    expect(observations(recs).map((o) => [o.hostname, o.build, readAs(o), o.toolVerdict?.vulnerable])).toEqual([
      ["both", "15.2.792.3", "vulnerable", "unknown"],
      ["fixed", "15.2.792.10", "build", "unknown"],
    ]);
  });

});
