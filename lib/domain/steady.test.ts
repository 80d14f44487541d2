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
import { HOUR, historyArb, scanArb, timeArb } from "./history-arbitraries";
import { resumePoint } from "./resume";
import { deriveServer } from "./server-derivation";
import { rollupHuntOf } from "./server-hunts";
import { sameEvidence, steadyAnchors, steadyScans } from "./steady";

const SKEW = 5 * 60_000;
// Past the last disclosure and stopgap bypass of the built-in campaigns (2023-01-10), so that both fall in some runs.
const histories = historyArb(timeArb(Math.round(2.2 * 365 * 24)));

// An import's new scans: copies of the latest scan (the steady case), copies with one thing changed, copies of an
// older scan, or scans of their own; on days after the last import's, maybe with a finding, a remediation or a check.
const newScan = fc.record({
  days: fc.integer({ min: 1, max: 40 }),
  hour: fc.integer({ min: 0, max: 23 }),
  kind: fc.constantFrom("latest", "latest", "latest", "latest", "changed", "older", "own"),
  pick: fc.nat(),
  own: scanArb(),
});
const importArb = fc.record({
  scans: fc.array(newScan, { minLength: 1, maxLength: 3 }),
  extra: fc.constantFrom(null, null, null, null, null, "finding", "remediation", "check"),
  // the import's derive: minutes after its latest scan, or a few before (a scan dated ahead of the clock)
  after: fc.integer({ min: -5, max: 90 * 24 * 60 }),
});
const chainArb = fc.record({
  generated: histories,
  imports: fc.array(importArb, { minLength: 1, maxLength: 4 }),
  // when the stored state was derived: after its latest fact (less the clock skew an import allows), before the first import
  derivedAt: fc.double({ min: 0, max: 1, noNaN: true }),
});

type NewScan = typeof newScan extends fc.Arbitrary<infer T> ? T : never;
type ImportInput = typeof importArb extends fc.Arbitrary<infer T> ? T : never;

function freshScans(all: ServerHistory, from: string, rows: NewScan[], firstId: number): ScanFacts[] {
  const latest = all.scans.reduce((a, b) => (b.scannedAt > a.scannedAt ? b : a));
  return rows.map(({ days, hour, kind, pick, own }, i): ScanFacts => {
    const base = kind === "own" ? own : kind === "older" ? all.scans[pick % all.scans.length] : latest;
    const changed = kind === "changed" ? [{ build: "15.2.1258.12" }, { mitigation: "eomt" }, { patchEvidence: "not-determined" as const, tool: "nmap", source: "nmap" }][pick % 3] : {};
    return { ...base, ...changed, id: firstId + i, scannedAt: new Date(startOfDay(addDays(from, days)) + hour * HOUR) };
  });
}

// The facts that may come with an import besides its scans.
function withExtra(all: ServerHistory, fresh: ScanFacts[], extra: ImportInput["extra"]): ServerHistory {
  const at = fresh[0].scannedAt;
  if (extra === "finding") return { ...all, findings: [...all.findings, { at: new Date(at.getTime() - 2 * HOUR), reportedAt: at, type: "CVE-2021-26855", detail: "x", kind: "indicator" }] };
  if (extra === "remediation") return { ...all, remediations: [...all.remediations, { remediatedAt: at }] };
  if (extra === "check") return { ...all, checks: [...(all.checks ?? []), { checkId: "test-proxylogon", at, reachDays: 30, latestFindingAt: null }] };
  return all;
}

const idsOf = (scans: readonly ScanFacts[]) => scans.map((s) => s.id!);

describe("a steady server", () => {
  it("keeps what a replay of its whole history gives, but for its last scan, anchors and roll-up hunt, import after import", () => {
    let steady = 0;
    let afterReplay = 0;
    fc.assert(
      fc.property(chainArb, ({ generated: { history: old }, imports, derivedAt: when }) => {
        let day = resumePoint(old);
        if (day === null) return;
        const lastFact = Math.max(...old.scans.map((s) => s.scannedAt.getTime()), ...old.findings.map((f) => f.at.getTime())) - SKEW;
        const firstScan = startOfDay(addDays(day, imports[0].scans.reduce((a, b) => Math.min(a, b.days), 99)));
        let all: ServerHistory = old;
        // What is stored: the last replay's derivation (with what steady re-derives changed), its anchors, those a
        // steady re-derive added, and the day it was derived.
        let derivedOn = dayOf(new Date(lastFact + when * Math.max(0, firstScan - lastFact)));
        let stored = deriveServer(old, BUILT_IN_CAMPAIGNS, new Date(lastFact + when * Math.max(0, firstScan - lastFact)));
        let anchors = idsOf(stored.anchors);
        let replayedAnchors = anchors.length;
        let added: number[] = [];
        let replays = 0;
        let nextId = 100;
        for (const { scans, extra, after } of imports) {
          const fresh = freshScans(all, day, scans, nextId);
          nextId += fresh.length;
          const latest = Math.max(...fresh.map((s) => s.scannedAt.getTime()));
          const now = new Date(latest + after * 60_000);
          const today = dayOf(now);
          all = withExtra({ ...all, scans: [...all.scans, ...fresh] }, fresh, extra);
          day = dayOf(new Date(latest));
          // What a resumed re-derive reads: the stored anchors, and every scan from the first new day on.
          const since = new Date(startOfDay(dayOf(new Date(Math.min(...fresh.map((s) => s.scannedAt.getTime()))))));
          const held = new Set(anchors);
          const window = { ...all, scans: all.scans.filter((s) => held.has(s.id!) || s.scannedAt >= since) };
          const found = steadyScans({ history: window, since, derivedOn, campaigns: BUILT_IN_CAMPAIGNS, today });
          const full = deriveServer(all, BUILT_IN_CAMPAIGNS, now);
          if (!found) {
            // Replayed (a resumed replay equals the whole one: resume.test.ts).
            [stored, anchors, added, derivedOn] = [full, idsOf(full.anchors), [], today];
            replayedAnchors = anchors.length;
            replays++;
            continue;
          }
          steady++;
          if (replays > 0) afterReplay++;
          expect(idsOf(found).sort()).toEqual(idsOf(fresh).sort());
          expect(full.spans).toEqual(stored.spans);
          for (const campaign of BUILT_IN_CAMPAIGNS) expect(full.statuses.get(campaign.id)).toEqual(stored.statuses.get(campaign.id));
          const hunts = new Map<string, Hunt>(BUILT_IN_CAMPAIGNS.flatMap((k) => (stored.statuses.has(k.id) ? [[k.id, stored.statuses.get(k.id)!.hunt.hunt] as const] : [])));
          const rollup = stored.statuses.get(ROLLUP);
          expect(full.statuses.get(ROLLUP)).toEqual(rollup && { ...rollup, hunt: { ...rollup.hunt, hunt: rollupHuntOf(hunts, BUILT_IN_CAMPAIGNS, today) } });
          const { lastScanAt, ...columns } = full.current;
          const { lastScanAt: _, ...kept } = stored.current;
          expect(columns).toEqual(kept);
          expect(lastScanAt).toEqual(new Date(latest));
          expect(resumePoint(all)).toBe(resumePoint(window));
          // The anchors hold every scan the replay rests on, and only a few more.
          ({ anchors, added } = steadyAnchors(anchors, added, found));
          const kept2 = new Set(anchors);
          expect(full.anchors.filter((s) => !kept2.has(s.id!))).toEqual([]);
          // Only the last replay's and this import's latest: those an earlier steady re-derive added are gone.
          expect(anchors.length).toBeLessThanOrEqual(replayedAnchors + added.length);
          [stored, derivedOn] = [full, today];
        }
      }),
      { numRuns: 2000 },
    );
    // The cases must reach the short way often enough to test it, also after a replay.
    expect(steady).toBeGreaterThan(300);
    expect(afterReplay).toBeGreaterThan(50);
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
    // A scan dated a few minutes ahead of the clock, on the day ProxyShell was disclosed: that day counts as today.
    const ahead: ServerHistory = { scans: [at("2021-07-10T10:00:00Z", 1), at("2021-07-13T00:03:00Z", 2)], findings: [], remediations: [] };
    expect(steadyScans({ history: ahead, since: new Date("2021-07-13T00:00:00Z"), derivedOn: "2021-07-11", campaigns: BUILT_IN_CAMPAIGNS, today: "2021-07-12" })).toBeNull();
    expect(sameEvidence(base.scans[0], base.scans[1])).toBe(true);
    expect(sameEvidence(base.scans[0], { ...base.scans[1], signals: ["167281"] })).toBe(false);
    expect(sameEvidence(base.scans[0], { ...base.scans[1], signals: undefined })).toBe(true);
  });
});
