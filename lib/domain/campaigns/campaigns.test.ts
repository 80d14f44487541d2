import { describe, expect, it } from "vitest";
import { compareBuilds, parseBuild, releasesOf, EXCHANGE_PRODUCTS } from "../exchange";
import { updateBuilds, thresholdOf } from "../exchange/catalog";
import { BUILT_IN_CAMPAIGNS } from "./built-in";
import { parseCampaign } from "./parse";
import proxylogonFile from "./data/proxylogon.json";
import advisoryVerdicts from "./fixtures/proxylogon-verdicts.json";

const byId = (id: string) => BUILT_IN_CAMPAIGNS.find((c) => c.id === id)!;

function withRevision(build: string, revision: number): string {
  const b = parseBuild(build)!;
  return `${b.major}.${b.minor}.${b.build}.${revision}`;
}

describe("the built-in campaigns", () => {
  it("are the five named emergencies, each checked by the schema", () => {
    expect(BUILT_IN_CAMPAIGNS.map((c) => c.id).sort()).toEqual(["cve-2020-0688", "cve-2021-42321", "proxylogon", "proxynotshell", "proxyshell"]);
  });

  it("judge ProxyLogon exactly as the March 2021 advisory did, for every release and revision around its fix", () => {
    // The verdicts of the advisory table this campaign file replaced, for 1,266 builds (see the fixture's source).
    const campaign = byId("proxylogon");
    const table = Object.entries(advisoryVerdicts.verdicts);
    const differences = table.filter(([build, status]) => campaign.judgeBuild(build).status !== status);
    expect(differences).toEqual([]);
    expect(table.length).toBeGreaterThan(1000);
  });

  // Every release that has a build of each update a campaign needs on it: patched at the highest of those builds,
  // unpatched one revision below any of them.
  it.each(BUILT_IN_CAMPAIGNS.map((c) => [c.id]))("%s: every CU x SU boundary of its fixes", (id) => {
    const campaign = byId(id);
    let checked = 0;
    for (const product of EXCHANGE_PRODUCTS) {
      for (const release of releasesOf(product)) {
        const needed = campaign.definition.fixes.map((f) => thresholdOf(updateBuilds(release, f.securityUpdate)));
        if (needed.some((t) => t === null)) continue;
        const thresholds = needed as NonNullable<(typeof needed)[number]>[];
        const highest = thresholds.reduce((a, b) => (compareBuilds(a, b) >= 0 ? a : b));
        // A release that shipped with the update has it at any revision; nothing to check below it.
        if (thresholds.some((t) => t.text === release.baseBuild)) continue;
        const verdict = campaign.judgeBuild(highest.text);
        if (verdict.reason.includes("not affected")) continue;
        expect({ build: highest.text, status: verdict.status }).toEqual({ build: highest.text, status: "patched" });
        for (const t of thresholds) {
          const below = withRevision(t.text, (t.revision ?? 1) - 1);
          expect({ build: below, status: campaign.judgeBuild(below).status }).toEqual({ build: below, status: "unpatched" });
        }
        expect(campaign.judgeBuild(`${highest.major}.${highest.minor}.${highest.build}`).status).toBe("unknown");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("ProxyShell needs both the April and the May 2021 updates", () => {
    const proxyshell = byId("proxyshell");
    // Exchange 2019 CU9: Apr21SU 15.2.858.10, May21SU 15.2.858.12.
    expect(proxyshell.judgeBuild("15.2.858.10").status).toBe("unpatched");
    expect(proxyshell.judgeBuild("15.2.858.12").status).toBe("patched");
    expect(proxyshell.judgeBuildInDetail("15.2.858.10").install).toContain("May21SU (KB5003435)");
  });

  it("judges a CU released after a campaign's fix as patched, an older CU without the fix as unpatched", () => {
    expect(byId("proxynotshell").judgeBuild("15.2.1258.12").status).toBe("patched"); // 2019 CU13, May 2023
    expect(byId("proxynotshell").judgeBuild("15.2.922.7").status).toBe("unpatched"); // 2019 CU10, no Nov22SU
    expect(byId("cve-2020-0688").judgeBuild("15.2.2562.17").status).toBe("patched"); // Exchange SE
  });

  it("says when a product is not affected, and never guesses for Exchange 2010 without a rule", () => {
    const v = byId("cve-2021-42321").judgeBuild("15.0.1497.2");
    expect(v.status).toBe("patched");
    expect(v.reason).toContain("not affected");
    expect(byId("proxyshell").judgeBuild("14.3.513.0").status).toBe("unknown");
    expect(byId("cve-2020-0688").judgeBuild("14.3.496.0").status).toBe("patched");
    expect(byId("cve-2020-0688").judgeBuild("14.3.468.0").status).toBe("unpatched");
  });

  it("names the KB to install for the server's CU", () => {
    expect(byId("proxylogon").judgeBuildInDetail("15.1.2176.2").install).toBe("Install Mar21SU (KB5000871) for Exchange 2016 CU19 (build 15.1.2176.9 or later).");
    expect(byId("proxylogon").judgeBuildInDetail("14.3.496.0").install).toContain("Update Rollup 32 (KB5000978)");
  });
});

describe("parseCampaign", () => {
  it("names the field of every problem", () => {
    const bad = {
      ...proxylogonFile,
      id: "All",
      disclosed: "2021-02-30",
      fixes: [{ securityUpdate: "Mar99SU", cves: ["CVE-2021-99999"] }],
    };
    const parsed = parseCampaign(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const fields = parsed.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["id", "disclosed", "fixes.0.securityUpdate"]));
  });

  it("refuses a CVE with no fix, a fix for a CVE outside the campaign, and a look-back after exploitation", () => {
    const parsed = parseCampaign({ ...proxylogonFile, cves: [...proxylogonFile.cves, "CVE-2021-99999"], lookBackFrom: "2021-02-01" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { field: "cves.4", message: "CVE-2021-99999 has no fix: list the security update that fixes it in fixes" },
        { field: "lookBackFrom", message: "must be on or before exploitedFrom" },
      ]),
    );
  });

  it("takes the shipped files as they are", () => {
    expect(parseCampaign(proxylogonFile)).toMatchObject({ ok: true });
  });
});
