import { describe, expect, it } from "vitest";
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import { toolVerdictFor } from "./tool-verdicts";

const campaign = (id: string) => BUILT_IN_CAMPAIGNS.find((c) => c.id === id)!;
const hc = (vulnerable: boolean | "unknown", cves: string[]) => ({ tool: "health-checker", vulnerable, cves });

describe("issue 8 item 3: Health Checker's verdict beside ours is the one for the campaign's CVEs only", () => {
  it("is vulnerable for a campaign only when the tool listed one of its CVEs, and names those", () => {
    const listed = hc(true, ["CVE-2021-34473", "CVE-2021-26855", "CVE-2021-27065", "CVE-2022-41040"]);
    expect(toolVerdictFor(listed, [], campaign("proxylogon"))).toEqual({ vulnerable: true, cves: ["CVE-2021-26855", "CVE-2021-27065"] });
    expect(toolVerdictFor(listed, [], campaign("proxyshell"))).toEqual({ vulnerable: true, cves: ["CVE-2021-34473"] });
  });

  it("is not vulnerable for a campaign when the tool found only other CVEs, or none", () => {
    expect(toolVerdictFor(hc(true, ["CVE-2021-34473", "CVE-2022-41082"]), [], campaign("proxylogon"))).toEqual({ vulnerable: false, cves: [] });
    expect(toolVerdictFor(hc(false, []), [], campaign("proxylogon"))).toEqual({ vulnerable: false, cves: [] });
  });

  it("is unknown when the tool could not tell", () => {
    expect(toolVerdictFor(hc("unknown", []), [], campaign("proxynotshell"))).toEqual({ vulnerable: "unknown", cves: [] });
  });
});

describe("other tools' verdicts per campaign", () => {
  it("takes nmap's probe for the campaign whose CVE it tested, and says nothing for the others", () => {
    const probe = { tool: "nmap", vulnerable: true as const, cves: ["CVE-2021-26855"] };
    expect(toolVerdictFor(probe, ["http-vuln-cve2021-26855"], campaign("proxylogon"))).toEqual({ vulnerable: true, cves: ["CVE-2021-26855"] });
    expect(toolVerdictFor(probe, [], campaign("proxyshell"))).toBeNull();
    expect(toolVerdictFor({ tool: "nmap", vulnerable: false, cves: [] }, [], campaign("proxylogon"))).toEqual({ vulnerable: false, cves: [] });
  });

  it("maps a Nessus plugin that fired to the campaign that lists it", () => {
    const nessus = { tool: "nessus", vulnerable: true as const, cves: [] };
    expect(toolVerdictFor(nessus, ["167281"], campaign("proxynotshell"))).toEqual({ vulnerable: true, cves: ["CVE-2022-41040", "CVE-2022-41082", "CVE-2022-41080"] });
    expect(toolVerdictFor(nessus, ["167281"], campaign("proxylogon"))).toBeNull();
  });
});
