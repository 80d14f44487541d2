import { describe, expect, it } from "vitest";
import { changeKind, changeWords, groupChanges, lastFullWeek, weekEndingOn, type DigestChange } from "./digest";
import { STATUSES, type Status } from "./statuses";

describe("digest weeks", () => {
  it("a week is the seven days ending on a day, both ends included", () => {
    expect(weekEndingOn("2021-03-14")).toEqual({ from: "2021-03-08", until: "2021-03-14" });
    expect(weekEndingOn("2024-03-03")).toEqual({ from: "2024-02-26", until: "2024-03-03" }); // across a leap day
  });

  it("the last full week before a day runs Monday to Sunday", () => {
    expect(lastFullWeek("2026-12-07")).toEqual({ from: "2026-11-30", until: "2026-12-06" }); // a Monday
    expect(lastFullWeek("2026-12-06")).toEqual({ from: "2026-11-23", until: "2026-11-29" }); // a Sunday: that week is not over
    expect(lastFullWeek("2026-12-02")).toEqual({ from: "2026-11-23", until: "2026-11-29" });
  });
});

describe("what a change of status is called", () => {
  it("newly exposed: open to attack now and not before, a new server first seen unpatched included", () => {
    expect(changeKind("patched", "unpatched")).toBe("exposed");
    expect(changeKind("mitigated", "unknown")).toBe("exposed");
    expect(changeKind(null, "unpatched")).toBe("exposed");
    expect(changeKind("patched", "compromised")).toBe("exposed");
  });

  it("newly patched: patched now after a status that was not", () => {
    expect(changeKind("unpatched", "patched")).toBe("patched");
    expect(changeKind("compromised", "patched")).toBe("patched");
    expect(changeKind("mitigated", "patched")).toBe("patched");
  });

  it("other: every other difference; no change is no row", () => {
    expect(changeKind("unpatched", "compromised")).toBe("other");
    expect(changeKind(null, "patched")).toBe("other");
    expect(changeKind("unpatched", null)).toBe("other");
    expect(changeKind("unpatched", "mitigated")).toBe("other");
    for (const s of [...STATUSES, null]) expect(changeKind(s, s)).toBeNull();
  });

  it("every pair of different statuses gets exactly one kind", () => {
    const all: (Status | null)[] = [...STATUSES, null];
    for (const a of all) for (const b of all) if (a !== b) expect(["patched", "exposed", "other"]).toContain(changeKind(a, b));
  });

  it("says a change in words", () => {
    expect(changeWords("unpatched", "patched")).toBe("unpatched to patched");
    expect(changeWords(null, "unknown")).toBe("new: unknown");
    expect(changeWords("patched", null)).toBe("patched, then left the counts");
  });
});

describe("grouping the week's changes", () => {
  const row = (hostname: string, before: Status | null, after: Status | null, day: string): DigestChange => ({ serverId: hostname.length, hostname, before, after, day });

  it("splits them by kind, latest first, each list capped with its total", () => {
    const rows = [row("A", "unpatched", "patched", "2021-03-09"), row("B", "unpatched", "patched", "2021-03-11"), row("C", null, "unknown", "2021-03-10"), row("D", "unpatched", "unpatched", "2021-03-10")];
    const g = groupChanges(rows, 1);
    expect(g.patched).toEqual({ items: [rows[1]], total: 2 });
    expect(g.exposed).toEqual({ items: [rows[2]], total: 1 });
    expect(g.other).toEqual({ items: [], total: 0 });
  });
});
