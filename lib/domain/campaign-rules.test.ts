import { describe, expect, it } from "vitest";
import { campaignEvidence } from "./campaign-rules";
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import type { ScanFacts } from "./facts";

const campaign = (id: string) => BUILT_IN_CAMPAIGNS.find((c) => c.id === id)!;
const scan = (facts: Partial<ScanFacts>): ScanFacts => ({ scannedAt: new Date("2022-12-01T00:00:00Z"), build: null, mitigation: null, ...facts });

describe("issue 9 item 6: one scan's facts read by each campaign", () => {
  it("takes a Nessus plugin that fired for the campaign that names it, and judges the build for the others", () => {
    const nessus = scan({ source: "nessus", patchEvidence: "build", build: "15.2.1118.7", signals: ["167281"] });
    expect(campaignEvidence(nessus, campaign("proxynotshell"))).toBe("vulnerable");
    expect(campaignEvidence(nessus, campaign("proxylogon"))).toBe("build");
  });

  it("takes an nmap script that reported VULNERABLE as a live probe for its campaign only", () => {
    const nmap = scan({ source: "nmap", patchEvidence: "exploitable", signals: ["http-vuln-cve2021-26855"], cves: ["CVE-2021-26855"] });
    expect(campaignEvidence(nmap, campaign("proxylogon"))).toBe("exploitable");
    expect(campaignEvidence(nmap, campaign("proxyshell"))).toBe("not-checked");
  });

  it("reads a tool's silence only for a campaign that listens to that tool", () => {
    const silent = scan({ source: "nmap", patchEvidence: "not-determined" });
    expect(campaignEvidence(silent, campaign("proxylogon"))).toBe("not-determined");
    expect(campaignEvidence(silent, campaign("proxyshell"))).toBe("not-checked");
    const nessus = scan({ source: "nessus", patchEvidence: "not-determined", signals: ["22313"] });
    expect(campaignEvidence(nessus, campaign("proxyshell"))).toBe("not-determined");
  });

  it("reads a finding stored before signals were kept by the CVEs it names", () => {
    const legacy = scan({ source: "nessus", patchEvidence: "vulnerable", cves: ["CVE-2021-26855"] });
    expect(campaignEvidence(legacy, campaign("proxylogon"))).toBe("vulnerable");
    expect(campaignEvidence(legacy, campaign("proxyshell"))).toBe("not-determined");
  });

  it("leaves builds, compromise checks and offline scans as they are", () => {
    expect(campaignEvidence(scan({ source: "canonical", build: "15.2.792.3" }), campaign("proxyshell"))).toBe("build");
    expect(campaignEvidence(scan({ source: "test-proxylogon", patchEvidence: "not-checked" }), campaign("proxyshell"))).toBe("not-checked");
    expect(campaignEvidence(scan({ source: "health-checker", patchEvidence: "offline" }), campaign("proxyshell"))).toBe("offline");
  });
});
