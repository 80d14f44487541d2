import { describe, expect, it } from "vitest";
import { releasesOf, securityUpdatesFor, updateNamed, updatesOnRelease, thresholdOf, updateBuilds } from "./catalog";
import { patchLevel } from "./patch-level";

const TODAY = new Date("2026-06-01T08:00:00Z");
const at = (build: string | null, day = TODAY) => patchLevel(build, day);
const on = (day: string) => new Date(`${day}T12:00:00Z`);

describe("patchLevel of a build of every product", () => {
  it("Exchange 2013 CU23 with Nov22SU lacks Jan23SU-Mar23SU; CVE-2023-21707 is fixed by the later of its two SUs", () => {
    const level = at("15.0.1497.44");
    expect(level).toMatchObject({
      determined: true, product: "Exchange 2013", release: "CU23", releaseDate: "2019-06-18",
      extendedSupportEnds: "2023-04-11", supported: false,
      installed: { update: "Nov22SU", build: "15.0.1497.44", securityUpdate: "Nov22SU" },
      securityUpdatesBehind: 3, undeterminedCves: [],
    });
    expect(level.missingSecurityUpdates.map((m) => m.securityUpdate)).toEqual(["Jan23SU", "Feb23SU", "Mar23SU"]);
    expect(level.openCves.map((c) => `${c.cve} ${c.fixedBy}`)).toEqual([
      "CVE-2023-21762 Jan23SU", "CVE-2023-21529 Feb23SU", "CVE-2023-21706 Feb23SU", "CVE-2023-21707 Mar23SU",
    ]);
    expect(level.reason).toContain("Exchange 2013's extended support ended on 2023-04-11");
  });

  it("Exchange 2013 CU23 with Mar23SU, its last SU, lacks nothing", () => {
    expect(at("15.0.1497.48")).toMatchObject({ determined: true, securityUpdatesBehind: 0, openCves: [], installed: { update: "Mar23SU" } });
  });

  it("Exchange 2016 CU19 with Mar21SU lists its open CVEs known-exploited first", () => {
    const level = at("15.1.2176.9");
    expect(level).toMatchObject({ determined: true, installed: { update: "Mar21SU" }, securityUpdatesBehind: 24 });
    const kev = level.openCves.filter((c) => c.kev !== null).map((c) => `${c.cve} ${c.fixedBy}`);
    expect(kev).toEqual([
      "CVE-2021-33766 Apr21SU", "CVE-2021-34473 Apr21SU", "CVE-2021-34523 Apr21SU", "CVE-2021-31207 May21SU",
      "CVE-2021-31196 Jul21SU", "CVE-2021-42321 Nov21SU", "CVE-2022-41040 Nov22SU", "CVE-2022-41080 Nov22SU", "CVE-2022-41082 Nov22SU",
    ]);
    expect(level.openCves.slice(0, kev.length).every((c) => c.kev !== null)).toBe(true);
    expect(level.openCves.slice(kev.length).every((c) => c.kev === null)).toBe(true);
    expect(level.openCves.find((c) => c.cve === "CVE-2021-34473")?.kev).toMatchObject({ dateAdded: "2021-11-03", knownRansomwareUse: true });
    expect(level.openCves.some((c) => c.cve === "CVE-2021-26855")).toBe(false);
    expect(level.openCves.find((c) => c.cve === "CVE-2021-42321")?.install).toBe(
      "Update to Exchange 2016 CU22 and install Nov21SU (build 15.1.2375.17 or later), or update to Exchange 2016 CU23 or later, which include it.",
    );
  });

  it("reads a long-form build like the short one", () => {
    expect(at("15.01.2176.009")).toEqual(at("15.1.2176.9"));
  });

  it("a v2 re-release is the same SU, counted once", () => {
    expect(at("15.1.2507.43")).toMatchObject({ installed: { update: "Nov24SU", securityUpdate: "Nov24SU" }, securityUpdatesBehind: 4 });
    expect(at("15.1.2507.44")).toMatchObject({ installed: { update: "Nov24SUv2", securityUpdate: "Nov24SU" }, securityUpdatesBehind: 4 });
    expect(at("15.1.2507.32")).toMatchObject({ installed: { update: "Aug23SUv2", securityUpdate: "Aug23SU" }, securityUpdatesBehind: 8 });
  });

  it("a hotfix update is installed but is no SU: the SU before it counts", () => {
    const level = at("15.1.2507.39");
    expect(level).toMatchObject({ installed: { update: "Apr24HU", securityUpdate: "Mar24SU" }, securityUpdatesBehind: 5 });
    expect(level.openCves.map((c) => c.fixedBy)).toEqual(["Apr25HU", "Oct25SU", "Dec25SU", "Dec25SU", "Feb26SU"]);
  });

  it("Exchange 2019 CU15 with Feb26SU lacks nothing; with Dec25SU it lacks Feb26SU", () => {
    expect(at("15.2.1748.43")).toMatchObject({ product: "Exchange 2019", release: "CU15", securityUpdatesBehind: 0, openCves: [] });
    const level = at("15.2.1748.42");
    expect(level).toMatchObject({ securityUpdatesBehind: 1, missingSecurityUpdates: [{ securityUpdate: "Feb26SU", released: "2026-02-10" }] });
    expect(level.openCves.map((c) => c.cve)).toEqual(["CVE-2026-21527"]);
  });

  it("Exchange SE RTM lacks its own SUs and nothing older", () => {
    expect(at("15.2.2562.17")).toMatchObject({ product: "Exchange SE", supported: true, installed: null, securityUpdatesBehind: 4 });
    expect(at("15.2.2562.27")).toMatchObject({ installed: { update: "Sep25HU", securityUpdate: "Aug25SU" }, securityUpdatesBehind: 3 });
    expect(at("15.2.2562.37")).toMatchObject({ securityUpdatesBehind: 0, openCves: [] });
  });

  it("Exchange 2010 gives product, release and support, and says the tables have no SU data for it", () => {
    const level = at("14.3.513.0");
    expect(level).toMatchObject({
      determined: false, product: "Exchange 2010", release: "SP3", releaseDate: "2013-02-12", supported: false,
      installed: null, securityUpdatesBehind: null, openCves: [],
    });
    expect(level.reason).toContain("the update tables hold no security update data for Exchange 2010");
  });
});

describe("patchLevel when the build cannot tell", () => {
  it("a three-part build of a release with SUs is undetermined, listing only what it lacks for certain", () => {
    const level = at("15.1.2176");
    expect(level).toMatchObject({ determined: false, release: "CU19", installed: null, securityUpdatesBehind: null });
    expect(level.missingSecurityUpdates[0].securityUpdate).toBe("Jul21SU");
    expect(level.undeterminedCves).toContain("CVE-2021-26855");
    expect(level.openCves.some((c) => c.cve === "CVE-2021-26855")).toBe(false);
    expect(level.openCves.some((c) => c.cve === "CVE-2021-42321")).toBe(true);
    expect(level.reason).toContain("has only three parts");
  });

  it("a three-part build of a release that never got an update is enough", () => {
    expect(at("15.1.845")).toEqual({ ...at("15.1.845.34"), build: "15.1.845", reason: at("15.1.845").reason });
    expect(at("15.1.845")).toMatchObject({ determined: true, securityUpdatesBehind: securityUpdatesFor("Exchange 2016").length });
  });

  it.each([
    [null, null, "No build number was reported"],
    ["nonsense", null, "is not a valid Exchange build number"],
    ["15.1.2177.1", "Exchange 2016", "matches no known release"],
    ["16.0.1.1", null, "Unknown build"],
  ])("%j: not determined", (build, product, reason) => {
    const level = at(build);
    expect(level).toMatchObject({ determined: false, product, release: null, securityUpdatesBehind: null, openCves: [] });
    expect(level.reason).toContain(reason);
  });
});

describe("support on a date", () => {
  it.each([
    ["15.0.1497.48", "2023-04-11", true],
    ["15.0.1497.48", "2023-04-12", false],
    ["15.1.2507.66", "2025-10-14", true],
    ["15.1.2507.66", "2025-10-15", false],
    ["15.2.1748.43", "2025-10-14", true],
    ["15.2.1748.43", "2025-10-15", false],
    ["15.2.2562.37", "2025-10-15", true],
  ])("%s on %s: supported %s", (build, day, supported) => {
    const level = at(build, on(day));
    expect(level.supported).toBe(supported);
    expect(level.reason.includes("extended support ended")).toBe(!supported);
  });
});

// Servers fall behind by the data alone: on the newest CUs, the count is the number of the product's SUs released
// after the installed one (or after the CU, when no SU is installed), whatever update is installed.
describe.each([
  ["Exchange 2016", "CU23"],
  ["Exchange 2019", "CU15"],
  ["Exchange SE", "RTM"],
] as const)("every update on %s %s", (product, name) => {
  const release = releasesOf(product).find((r) => r.name === name)!;
  it.each(updatesOnRelease(release).map((u) => [u.name]))("%s: behind = the product's SUs released after it", (update) => {
    const build = thresholdOf(updateBuilds(release, update))!.text;
    const level = at(build);
    // A hotfix update on a CU with no SU before it (2019 CU15 Apr25HU) counts from the CU's release.
    const installedSu = level.installed?.securityUpdate ? updateNamed(level.installed.securityUpdate) : null;
    const since = installedSu?.released ?? release.released;
    const later = securityUpdatesFor(product).filter((su) => su.released > since);
    expect(level.securityUpdatesBehind).toBe(later.length);
    expect(level.missingSecurityUpdates.map((m) => m.securityUpdate)).toEqual(later.map((su) => su.name));
  });
});
