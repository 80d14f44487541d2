// A steady server (new scans that repeat its latest stored one) against its whole history replayed: what the
// recompute keeps as stored (statuses, hunts, spans, columns) is what the replay gives, its roll-up hunt is the
// stored hunts ranked as of today, and its anchors hold every scan the replay rests on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLLUP } from "./campaign-evaluation";
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import { addDays, dayOf, startOfDay } from "./days";
import type { ScanFacts, ServerHistory } from "./facts";
import type { Hunt } from "./hunt";
import { HOUR, historyArb, timeArb } from "./history-arbitraries";
import { resumePoint } from "./resume";
import { deriveServer } from "./server-derivation";
import { rollupHuntOf } from "./server-hunts";
import { sameEvidence, steadyAnchors, steadyScans } from "./steady";

const SKEW = 5 * 60_000;
// Past the last disclosure and stopgap bypass of the built-in campaigns (2023-01-10), so that both fall in some runs.
const histories = historyArb(timeArb(Math.round(2.2 * 365 * 24)));

const batch = fc.array(fc.record({ days: fc.integer({ min: 1, max: 40 }), hour: fc.integer({ min: 0, max: 23 }) }), { minLength: 1, maxLength: 3 });
const steadyCase = fc.record({
  generated: histories,
  // the new scans of one import, days after the stored ones; and maybe of a second import, days after those
  imports: fc.tuple(batch, fc.option(batch)),
  // when the stored state was derived: after its latest fact (less the clock skew an import allows), before now
  derivedAt: fc.double({ min: 0, max: 1, noNaN: true }),
  // each import's derive: hours after its latest scan
  after: fc.tuple(fc.integer({ min: 0, max: 90 * 24 }), fc.integer({ min: 0, max: 90 * 24 })),
});
type Input = typeof steadyCase extends fc.Arbitrary<infer T> ? T : never;

interface Import {
  fresh: ScanFacts[];
  now: Date;
}

function importsOf({ generated: { history }, imports, after }: Input): Import[] | null {
  let day = resumePoint(history);
  if (day === null) return null;
  const latest = history.scans.reduce((a, b) => (b.scannedAt > a.scannedAt ? b : a));
  let id = 100;
  return imports.flatMap((rows, k) => {
    if (!rows) return [];
    const from = day!;
    const fresh = rows.map(({ days, hour }): ScanFacts => ({ ...latest, id: id++, scannedAt: new Date(startOfDay(addDays(from, days)) + hour * HOUR) }));
    const last = Math.max(...fresh.map((s) => s.scannedAt.getTime()));
    day = dayOf(new Date(last));
    return [{ fresh, now: new Date(last + after[k] * HOUR) }];
  });
}

// What a resumed re-derive reads: the stored anchors, and everything from the first new day on.
function windowOf(all: ServerHistory, anchors: ReadonlySet<number | undefined>, fresh: ScanFacts[]) {
  const since = new Date(startOfDay(dayOf(fresh.reduce((a, b) => (b.scannedAt < a.scannedAt ? b : a)).scannedAt)));
  return { since, history: { ...all, scans: all.scans.filter((s) => anchors.has(s.id) || s.scannedAt >= since) } };
}

describe("a steady server", () => {
  it("keeps what a replay of its whole history gives, but for its last scan, anchors and roll-up hunt, import after import", () => {
    let steady = 0;
    fc.assert(
      fc.property(steadyCase, (input) => {
        const imports = importsOf(input);
        if (!imports) return;
        const old = input.generated.history;
        const lastFact = Math.max(...old.scans.map((s) => s.scannedAt.getTime()), ...old.findings.map((f) => f.at.getTime())) - SKEW;
        const derivedAt = new Date(lastFact + input.derivedAt * (imports[0].now.getTime() - lastFact));
        const before = deriveServer(old, BUILT_IN_CAMPAIGNS, derivedAt);
        let all: ServerHistory = old;
        let derivedOn = dayOf(derivedAt);
        const replayed = before.anchors.map((s) => s.id!);
        let anchors = new Set(replayed);
        for (const { fresh, now } of imports) {
          all = { ...all, scans: [...all.scans, ...fresh] };
          const { since, history } = windowOf(all, anchors, fresh);
          const found = steadyScans({ history, since, derivedOn, campaigns: BUILT_IN_CAMPAIGNS, today: dayOf(now) });
          if (!found) return;
          expect(found.map((s) => s.id).sort()).toEqual(fresh.map((s) => s.id).sort());
          anchors = new Set(steadyAnchors(replayed, found).anchors);
          derivedOn = dayOf(now);
        }
        steady++;
        const { fresh, now } = imports.at(-1)!;
        const today = dayOf(now);
        const full = deriveServer(all, BUILT_IN_CAMPAIGNS, now);
        expect(full.spans).toEqual(before.spans);
        for (const campaign of BUILT_IN_CAMPAIGNS) expect(full.statuses.get(campaign.id)).toEqual(before.statuses.get(campaign.id));
        const hunts = new Map<string, Hunt>(BUILT_IN_CAMPAIGNS.flatMap((k) => (before.statuses.has(k.id) ? [[k.id, before.statuses.get(k.id)!.hunt.hunt] as const] : [])));
        const rollup = before.statuses.get(ROLLUP);
        expect(full.statuses.get(ROLLUP)).toEqual(rollup && { ...rollup, hunt: { ...rollup.hunt, hunt: rollupHuntOf(hunts, BUILT_IN_CAMPAIGNS, today) } });
        const { lastScanAt, ...columns } = full.current;
        const { lastScanAt: _, ...stored } = before.current;
        expect(columns).toEqual(stored);
        expect(lastScanAt).toEqual(new Date(Math.max(...fresh.map((s) => s.scannedAt.getTime()))));
        // The anchors hold every scan the replay rests on, and only a few more.
        expect(full.anchors.filter((s) => !anchors.has(s.id!))).toEqual([]);
        expect(anchors.size).toBeLessThanOrEqual(before.anchors.length + 3);
        expect(resumePoint(all)).toBe(dayOf(lastScanAt!));
      }),
      { numRuns: 2000 },
    );
    // The case generator must reach the short way often enough to test it.
    expect(steady).toBeGreaterThan(200);
  }, 120_000);

  it("is not steady when a new scan says anything else, or another fact is new", () => {
    const at = (iso: string, id: number, build = "15.1.2176.2"): ScanFacts => ({ id, scannedAt: new Date(iso), build, mitigation: null, patchEvidence: "build", source: "canonical", tool: "canonical", cves: [], signals: [] });
    const base: ServerHistory = { scans: [at("2021-04-01T10:00:00Z", 1), at("2021-04-03T10:00:00Z", 2)], findings: [], remediations: [] };
    const input = (history: ServerHistory, today = "2021-04-03") => ({ history, since: new Date("2021-04-03T00:00:00Z"), derivedOn: "2021-04-01", campaigns: BUILT_IN_CAMPAIGNS, today });
    expect(steadyScans(input(base))).toEqual([base.scans[1]]);
    expect(steadyScans(input({ ...base, scans: [base.scans[0], at("2021-04-03T10:00:00Z", 2, "15.1.2176.9")] }))).toBeNull();
    expect(steadyScans(input({ ...base, scans: [base.scans[0], { ...base.scans[1], mitigation: "eomt" }] }))).toBeNull();
    const finding = { at: new Date("2021-04-03T09:00:00Z"), reportedAt: new Date("2021-04-03T10:00:00Z"), type: "CVE-2021-26855", detail: "x", kind: "indicator" as const };
    expect(steadyScans(input({ ...base, findings: [finding] }))).toBeNull();
    expect(steadyScans(input({ ...base, remediations: [{ remediatedAt: new Date("2021-04-03T12:00:00Z") }] }))).toBeNull();
    expect(steadyScans(input({ ...base, hunts: [{ fromDay: "2021-03-01", toDay: "2021-04-02" }] }))).toBeNull();
    expect(steadyScans(input({ ...base, lifecycle: [{ kind: "disconnected", at: new Date("2021-03-01T00:00:00Z") }] }))).toBeNull();
    // ProxyShell was disclosed on 2021-07-13: a derive before it and one after count other campaigns.
    const july: ServerHistory = { scans: [at("2021-07-11T10:00:00Z", 1), at("2021-07-14T10:00:00Z", 2)], findings: [], remediations: [] };
    const overDisclosure = { ...input(july, "2021-07-14"), since: new Date("2021-07-14T00:00:00Z"), derivedOn: "2021-07-11" };
    expect(steadyScans(overDisclosure)).toBeNull();
    expect(steadyScans({ ...overDisclosure, campaigns: BUILT_IN_CAMPAIGNS.filter((c) => c.id !== "proxyshell") })).toEqual([july.scans[1]]);
    expect(sameEvidence(base.scans[0], base.scans[1])).toBe(true);
    expect(sameEvidence(base.scans[0], { ...base.scans[1], signals: ["167281"] })).toBe(false);
    expect(sameEvidence(base.scans[0], { ...base.scans[1], signals: undefined })).toBe(true);
  });
});
