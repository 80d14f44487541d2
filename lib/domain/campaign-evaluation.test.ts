import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAcrossCampaigns, rollupOf, rollupStatus } from "./campaign-evaluation";
import { clipSpans } from "./span-days";
import { evaluateServer } from "./status";
import { STATUSES } from "./statuses";
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import type { PatchEvidence } from "./facts";
import { finding, history, scan, toolScan, type TestScan } from "./status-test-support";

const AS_OF = new Date("2026-12-01T00:00:00Z");
const across = (scans: TestScan[], findings = [] as ReturnType<typeof finding>[]) =>
  evaluateAcrossCampaigns(history(scans, [], findings), BUILT_IN_CAMPAIGNS, AS_OF);

// Exchange 2019 CU8 with the March 2021 update (patched against ProxyLogon, not ProxyShell), and CU9 with May 2021's.
const PROXYLOGON_ONLY = "15.2.792.10";
const BOTH_2021 = "15.2.858.12";

describe("rollupStatus", () => {
  it("takes the worst: compromised, unpatched, unknown, mitigated, patched", () => {
    expect(STATUSES).toEqual(["compromised", "unpatched", "unknown", "mitigated", "patched"]);
    expect(rollupStatus(["patched", "mitigated"])).toBe("mitigated");
    expect(rollupStatus(["patched", "unknown", "mitigated"])).toBe("unknown");
    expect(rollupStatus(["unknown", "unpatched"])).toBe("unpatched");
    expect(rollupStatus(["patched"])).toBe("patched");
    expect(rollupStatus([])).toBeNull();
  });
});

describe("rollupOf", () => {
  it("takes the worst active status (unknown when none is active) and the worst span of any campaign on each day", () => {
    const earlier = [{ status: "patched" as const, fromDay: "2021-03-09", toDay: null }];
    // A campaign disclosed later (or not yet): its spans start at its disclosure, its status is not active yet.
    const later = [{ status: "unpatched" as const, fromDay: "2031-01-01", toDay: null }];
    expect(rollupOf([earlier, later], ["patched"])).toEqual({
      status: "patched",
      spans: [
        { status: "patched", fromDay: "2021-03-09", toDay: "2031-01-01" },
        { status: "unpatched", fromDay: "2031-01-01", toDay: null },
      ],
    });
    expect(rollupOf([later, earlier], ["patched"])).toEqual(rollupOf([earlier, later], ["patched"]));
    expect(rollupOf([], [])).toEqual({ status: "unknown", spans: [] });
  });
});

describe("evaluateAcrossCampaigns", () => {
  it("judges one set of facts for every campaign, and rolls them up", () => {
    const { campaigns, rollup } = across([scan("2021-04-20T10:00:00Z", PROXYLOGON_ONLY)]);
    expect(campaigns.get("proxylogon")!.current.status).toBe("patched");
    expect(campaigns.get("proxyshell")!.current.status).toBe("unpatched");
    expect(campaigns.get("proxynotshell")!.current.status).toBe("unpatched");
    expect(rollup.current.status).toBe("unpatched");
    expect(rollup.current.reason).toMatch(/^Unpatched against ProxyShell, CVE-2021-42321, ProxyNotShell\. Patched against CVE-2020-0688, ProxyLogon\.$/);
  });

  it("counts a campaign from its disclosure: the roll-up is patched in 2021 until ProxyShell was disclosed", () => {
    const { campaigns, rollup } = across([scan("2021-04-20T10:00:00Z", PROXYLOGON_ONLY)]);
    expect(campaigns.get("proxyshell")!.spans).toEqual([{ status: "unpatched", fromDay: "2021-07-13", toDay: null }]);
    expect(campaigns.get("proxylogon")!.spans).toEqual([{ status: "patched", fromDay: "2021-04-20", toDay: null }]);
    expect(rollup.spans).toEqual([
      { status: "patched", fromDay: "2021-04-20", toDay: "2021-07-13" },
      { status: "unpatched", fromDay: "2021-07-13", toDay: null },
    ]);
  });

  it("shows a client that patched one emergency and missed the next", () => {
    const { rollup } = across([scan("2021-03-05T10:00:00Z", "15.2.792.3"), scan("2021-03-09T10:00:00Z", PROXYLOGON_ONLY), scan("2021-08-20T10:00:00Z", BOTH_2021)]);
    expect(rollup.spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-05", toDay: "2021-03-09" },
      { status: "patched", fromDay: "2021-03-09", toDay: "2021-07-13" },
      { status: "unpatched", fromDay: "2021-07-13", toDay: "2021-08-20" },
      { status: "patched", fromDay: "2021-08-20", toDay: "2021-11-09" },
      { status: "unpatched", fromDay: "2021-11-09", toDay: null },
    ]);
  });

  it("keeps a compromise server-wide: every campaign and the roll-up show it, and say what the patch level is", () => {
    const { campaigns, rollup } = across([scan("2021-03-05T10:00:00Z", BOTH_2021)], [finding("2021-03-04T00:00:00Z", "2021-03-05T10:00:00Z")]);
    for (const evaluation of campaigns.values()) expect(evaluation.current.status).toBe("compromised");
    expect(rollup.current).toMatchObject({ status: "compromised", patchStatus: "unpatched" });
    expect(rollup.current.reason).toMatch(/^Compromised: 1 indicator of compromise found since 2021-03-04; .* Unpatched against CVE-2021-42321, ProxyNotShell\. Patched against CVE-2020-0688, ProxyLogon, ProxyShell\.$/);
  });

  it("reads a tool's finding only for the campaign it names", () => {
    const probe = toolScan("2021-08-25T10:00:00Z", "exploitable", "nmap", { cves: ["CVE-2021-26855"], build: BOTH_2021 });
    const { campaigns } = across([scan("2021-08-20T10:00:00Z", BOTH_2021), probe]);
    expect(campaigns.get("proxylogon")!.current.status).toBe("unpatched");
    expect(campaigns.get("proxyshell")!.current.status).toBe("patched");
  });

  it("stops counting the ProxyNotShell URL Rewrite rule once OWASSRF got past it, and never counts EOMT for it", () => {
    const before = new Date("2022-12-01T00:00:00Z");
    const rule = [scan("2022-10-05T10:00:00Z", "15.2.1118.7", [], "eomtv2")];
    expect(evaluateAcrossCampaigns(history(rule), BUILT_IN_CAMPAIGNS, before).campaigns.get("proxynotshell")!.current.status).toBe("mitigated");
    const after = across(rule).campaigns.get("proxynotshell")!;
    expect(after.current.status).toBe("unpatched");
    expect(after.current.reason).toContain("no longer counts: since 2023-01-10, OWASSRF (CVE-2022-41080) gets past it");
    expect(after.spans).toEqual([
      { status: "mitigated", fromDay: "2022-10-05", toDay: "2023-01-10" },
      { status: "unpatched", fromDay: "2023-01-10", toDay: null },
    ]);
    const eomt = across([scan("2022-10-05T10:00:00Z", "15.2.1118.7", [], "eomt")]);
    expect(eomt.campaigns.get("proxynotshell")!.current.status).toBe("unpatched");
  });

  it("gives a server first scanned after a stopgap's bypass no span before its first scan", () => {
    // Found in review: the bypass day was an event day before any scan, and made an "unknown" span from it.
    const later = [scan("2023-02-11T10:00:00Z", "15.2.1118.7"), scan("2023-02-20T10:00:00Z", "15.2.1118.7", [], "eomtv2")];
    const spans = across(later).campaigns.get("proxynotshell")!.spans;
    expect(spans[0].fromDay).toBe("2023-02-11");
    expect(spans.every((s) => s.status === "unpatched")).toBe(true);
  });

  it("clips spans at a day", () => {
    expect(clipSpans([{ status: "unknown", fromDay: "2021-01-01", toDay: "2021-02-01" }, { status: "patched", fromDay: "2021-02-01", toDay: null }], "2021-03-02")).toEqual([
      { status: "patched", fromDay: "2021-03-02", toDay: null },
    ]);
  });
});

describe("the roll-up over generated histories", () => {
  const BUILDS = ["15.2.792.3", PROXYLOGON_ONLY, BOTH_2021, "15.2.986.36", "15.2.1118.20", "15.2.1258.12", "15.1.2176", "14.3.513.0", null];
  const EVIDENCE: PatchEvidence[] = ["build", "not-checked", "offline"];
  const scanArb = fc.record({
    hours: fc.integer({ min: 0, max: 5 * 365 * 24 }),
    build: fc.constantFrom(...BUILDS),
    patchEvidence: fc.constantFrom(...EVIDENCE),
    mitigation: fc.constantFrom(null, "eomt", "eomtv2"),
  }).map(({ hours, ...s }): TestScan => ({ ...s, scannedAt: new Date(Date.UTC(2020, 0, 1) + hours * 3_600_000), source: "canonical" }));

  it("is never patched while any disclosed campaign is not, and is compromised exactly when every campaign is", () => {
    fc.assert(
      fc.property(fc.array(scanArb, { minLength: 1, maxLength: 6 }), (scans) => {
        const { campaigns, rollup } = across(scans);
        const statuses = [...campaigns.values()].map((e) => e.current.status);
        if (rollup.current.status === "patched") expect(statuses.every((s) => s === "patched")).toBe(true);
        expect(rollup.current.status === "compromised").toBe(statuses.every((s) => s === "compromised"));
        // Day by day too: on any day the roll-up is patched, every campaign disclosed by then is patched.
        for (const span of rollup.spans.filter((s) => s.status === "patched")) {
          for (const [id, e] of campaigns) {
            const c = BUILT_IN_CAMPAIGNS.find((x) => x.id === id)!;
            if (c.disclosed > span.fromDay) continue;
            const on = e.spans.find((s) => s.fromDay <= span.fromDay && (s.toDay === null || span.fromDay < s.toDay));
            if (on) expect(on.status).toBe("patched");
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is the same from each campaign's own evaluation, in any order, as from evaluating all at once", () => {
    fc.assert(
      fc.property(fc.array(scanArb, { maxLength: 6 }), fc.integer({ min: 0, max: BUILT_IN_CAMPAIGNS.length - 1 }), (scans, rotate) => {
        const h = history(scans);
        const { rollup } = evaluateAcrossCampaigns(h, BUILT_IN_CAMPAIGNS, AS_OF);
        // As adding a campaign does: each campaign judged on its own, its spans clipped at its disclosure.
        const order = [...BUILT_IN_CAMPAIGNS.slice(rotate), ...BUILT_IN_CAMPAIGNS.slice(0, rotate)];
        const each = order.map((c) => ({ c, e: evaluateServer(h, c, AS_OF) }));
        const active = each.filter(({ c }) => c.disclosed <= AS_OF.toISOString().slice(0, 10)).map(({ e }) => e.current.status);
        expect(rollupOf(each.map(({ c, e }) => clipSpans(e.spans, c.disclosed)), active)).toEqual({ status: rollup.current.status, spans: rollup.spans });
      }),
      { numRuns: 300 },
    );
  });
});
