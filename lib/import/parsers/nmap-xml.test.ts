import { describe, expect, it } from "vitest";
import { collect, fileErrorOf, fixture, observations, pieces } from "./parser-test-support";
import { looksLikeNmapXml, parseNmapXml } from "./nmap-xml";

const SAMPLE = fixture("nmap-proxylogon.xml");
const parse = (input: string | Uint8Array, scannedAt: Date | null = null, size?: number) => collect(parseNmapXml, input, scannedAt, size);
const fileError = (input: string | Uint8Array, size?: number) => fileErrorOf(parseNmapXml, input, size);
const xml = (hosts: string, decl = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${decl}\n<!DOCTYPE nmaprun>\n<nmaprun scanner="nmap" start="1615280400" version="7.91">\n${hosts}\n</nmaprun>\n`;
const host = (inner: string, attrs = 'starttime="1615280401"') =>
  `<host ${attrs}><status state="up"/>\n<address addr="198.51.100.9" addrtype="ipv4"/>\n${inner}</host>`;
const script = (id: string, output: string, children = "") =>
  `<ports><port protocol="tcp" portid="443"><script id="${id}" output="${output}">${children}</script></port></ports>`;
const one = async (hosts: string) => observations(await parse(xml(hosts)))[0];

describe("parseNmapXml: the sample scan", () => {
  it("yields one observation per host, at the line where the host starts", async () => {
    const recs = await parse(SAMPLE);
    expect(recs.map((r) => r.line)).toEqual([4, 14]);
    const [vulnerable, silent] = observations(recs);
    expect(vulnerable).toEqual({
      hostname: "mail.harborcounty.example",
      organization: null,
      ipAddress: "198.51.100.7",
      build: null,
      scannedAt: new Date(1615280401 * 1000),
      indicators: [],
      mitigation: null,
      patchEvidence: "exploitable",
      toolVerdict: { tool: "nmap", vulnerable: true, cves: ["CVE-2021-26855"] },
      compromiseCheck: null,
      online: true,
      signals: ["http-vuln-cve2021-26855"],
    });
    // The script prints nothing on a patched server and when it cannot tell: never "patched".
    expect(silent).toMatchObject({ hostname: "webmail.harborcounty.example", patchEvidence: "not-determined", toolVerdict: null });
  });

  it("gives the same result whatever the chunking, down to one byte", async () => {
    const whole = await parse(SAMPLE);
    expect(await parse(SAMPLE, null, 1)).toEqual(whole);
    expect(await parse(SAMPLE, null, 13)).toEqual(whole);
  });

  it("prefers the caller's scannedAt, then the host's starttime, then the run's start", async () => {
    const at = new Date("2021-03-10T00:00:00Z");
    expect(observations(await parse(SAMPLE, at)).map((o) => o.scannedAt)).toEqual([at, at]);
    expect((await one(host("", "")))?.scannedAt).toEqual(new Date(1615280400 * 1000));
  });

  // Found by fuzzing: a twelve-digit starttime is a year past 9999, which PostgreSQL cannot store (a 500 on import).
  it("takes a start time before 2000 or after 9999 for none: the run's, else the upload's", async () => {
    expect((await one(host("", 'starttime="999999999999"')))?.scannedAt).toEqual(new Date(1615280400 * 1000));
    expect((await one(host("", 'starttime="0"')))?.scannedAt).toEqual(new Date(1615280400 * 1000));
    const noTime = `<?xml version="1.0"?>\n<nmaprun start="253402300800">\n${host("", 'starttime="946684799"')}\n</nmaprun>\n`;
    expect(observations(await parse(noTime))[0].scannedAt).toBeNull();
    expect((await one(host("", 'starttime="253402300799"')))?.scannedAt).toEqual(new Date("9999-12-31T23:59:59Z"));
  });

  it("is recognised by looksLikeNmapXml, and other formats are not", () => {
    expect(looksLikeNmapXml(SAMPLE.toString("utf8").slice(0, 1024))).toBe(true);
    expect(looksLikeNmapXml("organization,hostname\n")).toBe(false);
    expect(looksLikeNmapXml(fixture("healthchecker-vulnerability-report.json").toString("utf8"))).toBe(false);
  });
});

describe("parseNmapXml: names and addresses", () => {
  it("prefers a user-given hostname to the PTR name, and falls back to the address", async () => {
    const names = '<hostnames><hostname name="ptr.example" type="PTR"/><hostname name="mail.example" type="user"/></hostnames>';
    expect(await one(host(names))).toMatchObject({ hostname: "mail.example", ipAddress: "198.51.100.9" });
    expect(await one(host(""))).toMatchObject({ hostname: "198.51.100.9", ipAddress: "198.51.100.9" });
    const v6 = '<host><status state="up"/><address addr="2001:db8::1" addrtype="ipv6"/></host>';
    expect(await one(v6)).toMatchObject({ hostname: "2001:db8::1", ipAddress: "2001:db8::1" });
  });

  it("reports a host with neither name nor IP address as an error", async () => {
    const recs = await parse(xml('<host><status state="up"/><address addr="00:11:22:33:44:55" addrtype="mac"/></host>'));
    expect(recs).toEqual([{ line: 4, error: "The host has neither a hostname nor an IPv4/IPv6 address." }]);
  });

  it("marks a host that is down as offline", async () => {
    const down = '<host><status state="down" reason="no-response"/><address addr="198.51.100.3" addrtype="ipv4"/></host>';
    expect(await one(down)).toMatchObject({ online: false, patchEvidence: "not-determined" });
  });

  it("reads a file re-saved in Latin-1, whether its declaration says so, says UTF-8 or is missing", async () => {
    const names = (n: string) => `<hostnames><hostname name="${n}" type="PTR"/></hostnames>`;
    const saved = (decl: string) => Buffer.from(xml(host(names("bj\u00f6rn.gen\u00e8ve")), decl), "latin1");
    for (const decl of ['<?xml version="1.0" encoding="ISO-8859-1"?>', '<?xml version="1.0" encoding="UTF-8"?>', ""]) {
      expect(observations(await parse(saved(decl), null, 3))[0].hostname, decl).toBe("björn.genève");
    }
  });

  it("reads the scan as Windows PowerShell 5.1 redirects it (nmap -oX - > scan.xml): UTF-16LE with a BOM", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE.toString("utf8").replace(/\n/g, "\r\n"), "utf16le")]);
    expect(await parse(utf16, null, 5)).toEqual(await parse(SAMPLE));
    expect(await parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SAMPLE]), null, 2)).toEqual(await parse(SAMPLE));
  });
});

describe("parseNmapXml: vulnerability and build", () => {
  it("reads a three-part build from an OWA path", async () => {
    const obs = await one(host(script("http-title", "Outlook&#xa;Requested resource was /owa/auth/15.1.2176/themes/resources/favicon.ico")));
    expect(obs).toMatchObject({ build: "15.1.2176", patchEvidence: "build", toolVerdict: null });
  });

  it("prefers a four-part X-OWA-Version to a three-part path, and reads builds from <elem> and <service>", async () => {
    const both = script("http-headers", "/owa/auth/15.1.2176/themes&#xa;X-OWA-Version: 15.1.2176.9");
    expect((await one(host(both))).build).toBe("15.1.2176.9");
    const elem = script("ms-exchange-version", "", '<table key="build"><elem key="version">15.2.792.10</elem></table>');
    expect((await one(host(elem))).build).toBe("15.2.792.10");
    const service = '<ports><port protocol="tcp" portid="25"><service name="smtp" product="Microsoft Exchange smtpd" version="15.0.1497.12"/></port></ports>';
    expect((await one(host(service))).build).toBe("15.0.1497.12");
  });

  it("lets VULNERABLE win over a patched-looking build", async () => {
    const inner = script("http-vuln-cve2021-26855", "State: VULNERABLE") + script("http-headers", "X-OWA-Version: 15.1.2176.9");
    expect(await one(host(inner))).toMatchObject({ build: "15.1.2176.9", patchEvidence: "exploitable", toolVerdict: { vulnerable: true } });
  });

  it("finds VULNERABLE in nested <elem> text, and treats NOT VULNERABLE as the tool's no", async () => {
    const nested = script("http-vuln-cve2021-26855", "", '<table key="CVE-2021-26855"><elem key="state">VULNERABLE</elem></table>');
    expect((await one(host(nested))).patchEvidence).toBe("exploitable");
    const no = await one(host(script("http-vuln-cve2021-26855", "State: NOT VULNERABLE")));
    expect(no).toMatchObject({ patchEvidence: "not-determined", toolVerdict: { tool: "nmap", vulnerable: false, cves: [] } });
  });

  it("ignores numbers that are no build, outside Exchange output", async () => {
    expect((await one(host(script("http-title", "Gateway 15.1.217.6")))).build).toBeNull();
  });

  it("reads a 3 MB script output (under the 4 MiB field limit)", async () => {
    const big = script("http-headers", `${"x".repeat(3 * 1024 * 1024)} X-OWA-Version: 15.1.2176.9`);
    expect((await one(host(big))).build).toBe("15.1.2176.9");
  });
});

describe("parseNmapXml: rejected files", () => {
  it("rejects an empty or blank file, and yields nothing for a scan without hosts", async () => {
    expect((await fileError("")).code).toBe("empty_file");
    expect((await fileError("\n  \n")).code).toBe("empty_file");
    expect((await fileError(Buffer.from([0xff, 0xfe]))).code).toBe("empty_file"); // a UTF-16 BOM alone
    expect(await parse(xml(""))).toEqual([]);
  });

  it("rejects a truncated scan with the line where it stops", async () => {
    const text = SAMPLE.toString("utf8");
    const err = await fileError(text.slice(0, text.indexOf("<runstats>")), 5);
    expect(err.code).toBe("malformed_xml");
    expect(err.message).toMatch(/truncated/);
    const cut = await fileError(text.slice(0, text.indexOf('output="') + 20));
    expect(cut.code).toBe("malformed_xml");
    // Hosts read before the cut are not yielded as if the file were whole.
    const recs: unknown[] = [];
    const afterFirstHost = text.slice(0, text.indexOf("</host>") + 7);
    await expect(async () => {
      for await (const r of parseNmapXml(pieces(afterFirstHost), { scannedAt: null })) recs.push(r);
    }).rejects.toMatchObject({ code: "malformed_xml", message: expect.stringMatching(/truncated/) });
  });

  it("rejects malformed XML with its line", async () => {
    const err = await fileError(xml(host("<hostnames></ports>")));
    expect(err.code).toBe("malformed_xml");
    expect(err.details).toMatchObject({ line: 6 });
    expect(err.message).toMatch(/^Line 6: malformed XML/);
  });

  it("rejects a CSV and another XML document as another format", async () => {
    expect((await fileError("organization,hostname\nAcme,EXCH01\n")).code).toBe("wrong_format");
    expect((await fileError('<?xml version="1.0"?>\n<NessusClientData_v2></NessusClientData_v2>')).code).toBe("wrong_format");
  });
});

describe("parseNmapXml: long-form builds", () => {
  it("issue 8 item 7: reads builds written in Microsoft's long form as the same build, normalised", async () => {
    const header = (build: string) => host(script("http-headers", `X-OWA-Version: ${build}`));
    expect((await one(header("15.01.2176.0009"))).build).toBe("15.1.2176.9");
    expect((await one(header("15.1.2176.09"))).build).toBe("15.1.2176.9");
    expect((await one(header("15.02.0792.010"))).build).toBe("15.2.792.10");
    expect((await one(host(script("http-title", "Requested resource was /owa/auth/15.01.2176/themes/x.ico")))).build).toBe("15.1.2176");
    const service = '<ports><port protocol="tcp" portid="25"><service name="smtp" product="Microsoft Exchange smtpd" version="15.00.1497.012"/></port></ports>';
    expect((await one(host(service))).build).toBe("15.0.1497.12");
    const elem = script("ms-exchange-version", "", '<table key="build"><elem key="version">15.01.2176.009</elem></table>');
    expect((await one(host(elem))).build).toBe("15.1.2176.9");
  });
});
