import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./days";
import { checkCover, coveredDays, HUNT_STATES, huntOf, huntSentence, rollupHunt, type Hunt, type HuntInput } from "./hunt";

// ProxyLogon's dates: exploited from 2021-01-06 before its fix (2021-03-02): a zero-day; look back to 2020-09-01.
const ZERO_DAY = { exploitedFrom: "2021-01-06", lookBackFrom: "2020-09-01", fixReleased: "2021-03-02" };
// A campaign exploited after its fix was out (ProxyShell's shape): only the exposure the scans show counts.
const N_DAY = { exploitedFrom: "2021-08-05", lookBackFrom: "2021-05-01", fixReleased: "2021-05-11" };
const TODAY = "2021-12-01";

const input = (over: Partial<HuntInput>): HuntInput => ({ campaign: N_DAY, spans: [], status: "patched", firstScan: { day: "2021-03-01", safe: false }, covers: [], today: TODAY, ...over });

describe("hunt windows", () => {
  it("a server patched before exploitation began needs no hunt", () => {
    const h = huntOf(input({ spans: [{ status: "unpatched", fromDay: "2021-07-13", toDay: "2021-07-20" }, { status: "patched", fromDay: "2021-07-20", toDay: null }] }));
    expect(h.state).toBe("not-needed");
    expect(huntSentence(h.state, { ...h, days: 0 })).toMatch(/no hunt needed/);
  });

  it("a server exposed for a single day after exploitation began needs checks from the look-back date to its patch day", () => {
    const h = huntOf(input({ spans: [{ status: "unpatched", fromDay: "2021-08-10", toDay: "2021-08-11" }, { status: "patched", fromDay: "2021-08-11", toDay: null }] }));
    expect(h).toMatchObject({ state: "needed", windowFrom: "2021-05-01", windowTo: "2021-08-11", covered: 0, exposedSince: "2021-08-10" });
  });

  it("a mitigated span is not exposure; an unknown one is", () => {
    const mitigated = huntOf(input({ status: "mitigated", spans: [{ status: "mitigated", fromDay: "2021-08-01", toDay: null }] }));
    expect(mitigated.state).toBe("not-needed");
    const unknown = huntOf(input({ status: "unknown", spans: [{ status: "unknown", fromDay: "2021-08-01", toDay: null }] }));
    expect(unknown).toMatchObject({ state: "needed", windowTo: null, exposedSince: "2021-08-05" });
  });

  it("a zero-day exposed an affected server from the first day of exploitation, before its first scan too", () => {
    const h = huntOf(input({ campaign: ZERO_DAY, firstScan: { day: "2021-03-10", safe: false }, spans: [{ status: "patched", fromDay: "2021-03-10", toDay: null }] }));
    expect(h).toMatchObject({ state: "needed", windowFrom: "2020-09-01", windowTo: "2021-03-10", exposedSince: "2021-01-06" });
    const safe = huntOf(input({ campaign: ZERO_DAY, firstScan: { day: "2021-07-01", safe: true }, spans: [{ status: "patched", fromDay: "2021-07-01", toDay: null }] }));
    expect(safe.state).toBe("not-needed");
  });

  it("clean checks that cover the whole window make it hunted; part of it, partly hunted", () => {
    const spans = [{ status: "unpatched" as const, fromDay: "2021-08-10", toDay: "2021-08-20" }, { status: "patched" as const, fromDay: "2021-08-20", toDay: null }];
    const days = daysBetween("2021-05-01", "2021-08-20") + 1;
    const full = huntOf(input({ spans, covers: [{ fromDay: "2021-04-01", toDay: "2021-06-30" }, { fromDay: "2021-07-01", toDay: "2021-08-25" }] }));
    expect(full).toMatchObject({ state: "hunted", covered: days });
    const part = huntOf(input({ spans, covers: [checkCover({ day: "2021-08-20", reachDays: 11 })!] }));
    expect(part).toMatchObject({ state: "partly-hunted", covered: 12 });
    expect(huntSentence(part.state, { ...part, days })).toBe(`Partly hunted: checks cover 12 of the ${days} days to look at from 2021-05-01 to 2021-08-20, the day it was patched.`);
  });

  it("a server still exposed is at best partly hunted, and a compromised one is compromised", () => {
    const spans = [{ status: "unpatched" as const, fromDay: "2021-08-10", toDay: null }];
    expect(huntOf(input({ status: "unpatched", spans, covers: [{ fromDay: "2021-01-01", toDay: TODAY }] })).state).toBe("partly-hunted");
    expect(huntOf(input({ status: "compromised", spans: [{ status: "compromised", fromDay: "2021-08-10", toDay: null }] })).state).toBe("compromised");
  });

  it("a check's cover starts after the latest finding it listed, and reaches back by its log age", () => {
    expect(checkCover({ day: "2021-03-20", reachDays: 30, latestFindingDay: "2021-02-27" })).toEqual({ fromDay: "2021-02-28", toDay: "2021-03-20" });
    expect(checkCover({ day: "2021-03-20", reachDays: null })).toEqual({ fromDay: "2021-03-20", toDay: "2021-03-20" });
    expect(checkCover({ day: "2021-03-20", reachDays: 5, latestFindingDay: "2021-03-20" })).toBeNull();
  });

  it("the roll-up is the worst campaign's hunt, exposed since the earliest pending exposure", () => {
    const a = huntOf(input({ spans: [{ status: "unpatched", fromDay: "2021-08-10", toDay: "2021-08-11" }, { status: "patched", fromDay: "2021-08-11", toDay: null }] }));
    const b = huntOf(input({ campaign: ZERO_DAY, spans: [{ status: "patched", fromDay: "2021-03-10", toDay: null }], covers: [{ fromDay: "2020-09-01", toDay: "2021-01-10" }] }));
    const r = rollupHunt([a, b], TODAY);
    expect(r.state).toBe("needed");
    expect(r.exposedSince).toBe("2021-01-06");
    expect(rollupHunt([], TODAY).state).toBe("not-needed");
  });
});

describe("rollupHunt", () => {
  it("takes the worst state, then the most days left to cover, then the first; and the earliest exposure of those pending", () => {
    // The rule as a sort, against the one pass that ranks every server an import touches.
    const bySort = (hunts: Hunt[], today: string): Hunt => {
      const rank = (h: Hunt) => HUNT_STATES.indexOf(h.state);
      const left = (h: Hunt) => (h.windowFrom ? Math.max(0, daysBetween(h.windowFrom, h.windowTo ?? today) + 1) - h.covered : 0);
      const worst = [...hunts].sort((a, b) => rank(a) - rank(b) || left(b) - left(a))[0];
      if (!worst) return { state: "not-needed", windowFrom: null, windowTo: null, covered: 0, exposedSince: null };
      const since = hunts.flatMap((h) => ((h.state === "needed" || h.state === "partly-hunted" || h.state === "compromised") && h.exposedSince ? [h.exposedSince] : [])).sort()[0];
      return { ...worst, exposedSince: since ?? worst.exposedSince };
    };
    const day = fc.integer({ min: 0, max: 90 }).map((n) => addDays("2021-01-01", n));
    const hunt = fc.record({
      state: fc.constantFrom(...HUNT_STATES),
      windowFrom: fc.option(day),
      windowTo: fc.option(day),
      covered: fc.integer({ min: 0, max: 30 }),
      exposedSince: fc.option(day),
    });
    fc.assert(
      fc.property(fc.array(hunt, { maxLength: 6 }), day, (hunts, today) => {
        expect(rollupHunt(hunts, today)).toEqual(bySort(hunts, today));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("coveredDays", () => {
  it("counts each day of the window once, however the ranges overlap", () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays("2021-01-01", n));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, day), { maxLength: 8 }), day, day, (ranges, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const covers = ranges.map(([x, y]) => (x <= y ? { fromDay: x, toDay: y } : { fromDay: y, toDay: x }));
        let brute = 0;
        for (let d = from; d <= to; d = addDays(d, 1)) if (covers.some((c) => c.fromDay <= d && d <= c.toDay)) brute++;
        expect(coveredDays(from, to, covers)).toBe(brute);
      }),
    );
  });
});
