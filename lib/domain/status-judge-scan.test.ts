import { describe, expect, it } from "vitest";
import type { PatchEvidence } from "./facts";
import { PATCHED, PATCHED_REASON, UNPATCHED, UNPATCHED_REASON, judge, offline, scan, toolScan, tplCheck } from "./status-test-support";

describe("judgeScan: scans from other tools", () => {
  it("is unpatched when the tool found the server vulnerable, even with a patched-looking build", () => {
    const judged = judge(
      toolScan("2021-03-10T10:00:00Z", "vulnerable", "nmap", { build: PATCHED, cves: ["CVE-2021-26855"] }),
    );
    expect(judged).toEqual({
      status: "unpatched",
      reason:
        "Unpatched: nmap found the server vulnerable to CVE-2021-26855 on 2021-03-10. Its build looks patched, but " +
        `the tool's finding outranks the build number: ${PATCHED_REASON}`,
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
    });
  });

  it("names the build's own verdict after the finding when it is not patched", () => {
    const judged = judge(
      toolScan("2021-03-10T10:00:00Z", "vulnerable", "Nessus", { build: UNPATCHED, cves: ["CVE-2021-26855", "CVE-2021-27065"] }),
    );
    expect(judged.reason).toBe(
      `Unpatched: Nessus found the server vulnerable to CVE-2021-26855, CVE-2021-27065 on 2021-03-10. ${UNPATCHED_REASON}`,
    );
  });

  it("says just vulnerable without CVEs, and the scanner without a tool name", () => {
    const judged = judge(toolScan("2021-03-10T10:00:00Z", "vulnerable", null, { cves: [] }));
    expect(judged).toEqual({
      status: "unpatched",
      reason: "Unpatched: the scanner found the server vulnerable on 2021-03-10.",
      product: null,
      cumulativeUpdate: null,
    });
  });

  it("is unknown, never patched, when the scan could not determine the patch level", () => {
    expect(judge(toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap"))).toEqual({
      status: "unknown",
      reason: "Unknown: the nmap scan on 2021-03-10 could not determine whether the server is patched.",
      product: null,
      cumulativeUpdate: null,
    });
    const withPatchedBuild = judge(toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap", { build: PATCHED }));
    expect(withPatchedBuild.status).toBe("unknown");
    expect(withPatchedBuild.reason).toBe(
      "Unknown: the nmap scan on 2021-03-10 could not determine whether the server is patched. Its build alone " +
        `looks patched, but this scan does not confirm it: ${PATCHED_REASON}`,
    );
  });

  it("adds the build's reason to a not-determined scan, with product and CU from the build", () => {
    const judged = judge(toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap", { build: "15.1.2176" }));
    expect(judged.status).toBe("unknown");
    expect(judged.reason).toMatch(
      /^Unknown: the nmap scan on 2021-03-10 could not determine whether the server is patched\. Cannot tell whether patched against ProxyLogon: Exchange 2016 CU19, build 15\.1\.2176 has only three parts/,
    );
    expect(judged).toMatchObject({ product: "Exchange 2016", cumulativeUpdate: "CU19" });
  });

  it.each<PatchEvidence>(["vulnerable", "not-determined"])("is mitigated when a %s scan has EOMT applied", (evidence) => {
    const judged = judge(toolScan("2021-03-10T10:00:00Z", evidence, "nmap", { mitigation: "eomt" }));
    expect(judged.status).toBe("mitigated");
    expect(judged.reason).toMatch(/^Not patched: EOMT mitigation applied, which is not a patch\. Un/);
  });

  it("says a compromise check says nothing about the patch, and reports no product", () => {
    expect(judge(toolScan("2021-03-12T10:00:00Z", "not-checked", "Test-ProxyLogon", { build: PATCHED }))).toEqual({
      status: "unknown",
      reason:
        "Unknown: the Test-ProxyLogon check on 2021-03-12 says nothing about the patch level: it only looks for compromise.",
      product: null,
      cumulativeUpdate: null,
    });
    expect(judge(toolScan("2021-03-12T10:00:00Z", "not-checked", null)).reason).toMatch(/^Unknown: the check on 2021-03-12 /);
  });

  it("is compromised when a compromise check found indicators", () => {
    const judged = judge(tplCheck("2021-03-12T10:00:00Z", ["shell.aspx"]));
    expect(judged.status).toBe("compromised");
    expect(judged.reason).toBe(
      "Compromised: this scan found 1 indicator of compromise; a compromise stays until it is marked remediated. " +
        "Unknown: the Test-ProxyLogon check on 2021-03-12 says nothing about the patch level: it only looks for compromise.",
    );
  });

  it("says an offline scan reached nothing, ignoring any indicators or mitigation it carries", () => {
    const expected = {
      status: "unknown",
      reason: "Unknown: Health Checker could not reach this server on 2021-03-11, so it was not scanned.",
      product: null,
      cumulativeUpdate: null,
    };
    expect(judge(offline("2021-03-11T10:00:00Z"))).toEqual(expected);
    expect(judge(offline("2021-03-11T10:00:00Z", { indicators: ["x"], mitigation: "eomt", build: UNPATCHED }))).toEqual(
      expected,
    );
    expect(judge(toolScan("2021-03-11T10:00:00Z", "offline", "  ")).reason).toBe(
      "Unknown: the scanner could not reach this server on 2021-03-11, so it was not scanned.",
    );
  });

  it("treats an explicit build evidence like an absent one", () => {
    const explicit = judge({ ...scan("2021-03-05T10:00:00Z", UNPATCHED), patchEvidence: "build", tool: "Health Checker" });
    expect(explicit).toEqual(judge(scan("2021-03-05T10:00:00Z", UNPATCHED)));
  });
});
