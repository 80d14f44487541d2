// A resumed re-derive (the stored anchors and the scans from the first changed day) against the whole history
// replayed: the same spans, the same current state, the same hunts and the same anchors, for every campaign.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAcrossCampaigns } from "./campaign-evaluation";
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import type { PatchEvidence, ScanFacts, ServerHistory } from "./facts";
import { historyArb as defaultHistories, timeArb } from "./history-arbitraries";
import type { ServerState } from "./status";
import { dayOf } from "./days";
import { bypassDays, canResume, resumePoint, type Resume } from "./resume";
import { campaignHunt } from "./server-hunts";

const AS_OF = new Date("2026-12-01T00:00:00Z");
const historyArb = defaultHistories();

// What the recompute stores of a server: its spans, states and hunts per campaign, the roll-up's, and its anchors.
function derived(history: ServerHistory, resume?: Resume, explain = true, asOf = AS_OF) {
  const { campaigns, rollup, anchors } = evaluateAcrossCampaigns(history, BUILT_IN_CAMPAIGNS, asOf, resume, { explain });
  return {
    campaigns: BUILT_IN_CAMPAIGNS.map((c) => {
      const e = campaigns.get(c.id)!;
      return { id: c.id, spans: e.spans, current: e.current, hunt: campaignHunt(history, c, e, dayOf(asOf)) };
    }),
    rollup,
    anchors: anchors.map((s) => s.id).sort(),
  };
}

// Past the last stopgap bypass of the built-in campaigns (2023-01-10), so that it falls in some runs.
const longHistories = defaultHistories(timeArb(Math.round(2.2 * 365 * 24)));
const SKEW = 5 * 60_000;

describe("a resumed re-derive", () => {
  it("equals the whole history replayed, whatever day the new facts start and whenever the stored state was derived", () => {
    fc.assert(
      fc.property(longHistories, fc.double({ min: 0, max: 1, noNaN: true }), ({ history, cut }, when) => {
        // The new facts: the scans from a day on, and the findings they reported. They change things from the
        // first day among them, and every stored scan falls before it.
        const days = [...new Set(history.scans.map((s) => dayOf(s.scannedAt)))].sort();
        const firstNew = days[cut % days.length];
        const isNew = (s: ScanFacts) => dayOf(s.scannedAt) >= firstNew;
        const newFindings = history.findings.filter((f) => dayOf(f.reportedAt) >= firstNew);
        const day = [firstNew, ...newFindings.map((f) => dayOf(f.at))].sort()[0];
        const stored = history.scans.filter((s) => !isNew(s));
        // What was stored before: the old scans, and the findings they reported (the rest came with the new scans),
        // derived some time after the latest of them (less the clock skew an import allows) and before now.
        const old = { ...history, scans: stored, findings: history.findings.filter((f) => dayOf(f.reportedAt) < firstNew) };
        const resumeThrough = resumePoint(old);
        if (resumeThrough === null) return;
        const lastFact = Math.max(...old.scans.map((s) => s.scannedAt.getTime()), ...old.findings.map((f) => f.at.getTime())) - SKEW;
        const derivedAt = new Date(lastFact + when * (AS_OF.getTime() - lastFact));
        const before = derived(old, undefined, true, derivedAt);
        const full = derived(history);
        if (!canResume({ resumeThrough, hasMarks: false, derivedOn: dayOf(derivedAt) }, day, bypassDays(BUILT_IN_CAMPAIGNS))) return;
        const anchors = new Set(before.anchors);
        const reduced = { ...history, scans: history.scans.filter((s) => anchors.has(s.id) || dayOf(s.scannedAt) >= day) };
        const resumed = derived(reduced, { day, stored: new Map(before.campaigns.map((c) => [c.id, c.spans])) });
        expect(resumed).toEqual(full);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it("starts a hunt from the first scan the engine replays when two reached the server at the same moment", () => {
    // Found by the property above: a hunt took the first of the two in the history's order, the engine (and so the
    // resume's anchors) the one whose build shows the fix, and a resumed re-derive told another hunt.
    const at = (iso: string, id: number, build: string, patchEvidence: PatchEvidence, source: string): ScanFacts => ({ scannedAt: new Date(iso), build, patchEvidence, mitigation: null, signals: [], source, tool: source, cves: [], id });
    const old = [at("2020-12-01T02:00:00Z", 1, "15.1.2176.9", "build", "canonical"), at("2020-12-01T01:00:00Z", 3, "15.1.2176.9", "not-checked", "nessus"), at("2020-12-01T01:00:00Z", 4, "15.2.1258.12", "build", "canonical")];
    const history: ServerHistory = { scans: [...old, at("2020-12-02T00:00:00Z", 2, "15.1.2176.9", "build", "canonical")], remediations: [], checks: [], findings: [] };
    const before = derived({ ...history, scans: old });
    const anchors = new Set(before.anchors);
    const reduced = { ...history, scans: history.scans.filter((s) => anchors.has(s.id) || s.id === 2) };
    const resumed = derived(reduced, { day: "2020-12-02", stored: new Map(before.campaigns.map((c) => [c.id, c.spans])) });
    expect(resumed).toEqual(derived(history));
    expect(derived(history).campaigns.find((c) => c.id === "proxylogon")!.hunt.hunt.state).toBe("not-needed");
  });

  it("without its words, an evaluation keeps every status, span, hunt, column and anchor the recompute stores", () => {
    // The state less its words; whether a compromise is open stays (a lean one has an empty sentence, not null).
    const facts = ({ reason: _r, patchReason: _p, compromise, lifecycle: _l, ...rest }: ServerState) => ({ ...rest, compromised: compromise !== null });
    const wordless = (s: ServerState) => s.reason === "" && s.patchReason === "" && !s.compromise && s.lifecycle === undefined;
    fc.assert(
      fc.property(historyArb, ({ history }) => {
        const full = derived(history);
        const lean = derived(history, undefined, false);
        const states = (d: typeof full) => [d.rollup.current, ...d.campaigns.map((c) => c.current)];
        expect(states(lean).every(wordless)).toBe(true);
        expect(full.rollup.current.reason).not.toBe("");
        expect(states(lean).map(facts)).toEqual(states(full).map(facts));
        expect({ ...lean, rollup: lean.rollup.spans, campaigns: lean.campaigns.map((c) => [c.spans, c.hunt]) }).toEqual({
          ...full,
          rollup: full.rollup.spans,
          campaigns: full.campaigns.map((c) => [c.spans, c.hunt]),
        });
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it("is refused when a stored scan falls on or after the first changed day, the server has a technician's marks, or a stopgap was bypassed since the derive", () => {
    const stored = { resumeThrough: "2021-03-01", hasMarks: false, derivedOn: "2021-03-01" };
    expect(canResume({ ...stored, resumeThrough: null }, "2021-03-02", [])).toBe(false);
    expect(canResume({ ...stored, resumeThrough: "2021-03-02" }, "2021-03-02", [])).toBe(false);
    expect(canResume({ ...stored, hasMarks: true }, "2021-03-02", [])).toBe(false);
    expect(canResume({ ...stored, derivedOn: null }, "2021-03-02", [])).toBe(false);
    expect(canResume(stored, "2021-03-02", [])).toBe(true);
    // ProxyNotShell's stopgaps stopped holding on 2023-01-10.
    const late = { resumeThrough: "2022-12-01", hasMarks: false, derivedOn: "2022-12-02" };
    expect(canResume(late, "2023-02-01", ["2023-01-10"])).toBe(false);
    expect(canResume(late, "2023-01-10", ["2023-01-10"])).toBe(true);
    expect(canResume({ ...late, derivedOn: "2023-01-10" }, "2023-02-01", ["2023-01-10"])).toBe(true);
  });
});
