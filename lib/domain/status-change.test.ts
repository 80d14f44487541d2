import { describe, expect, it } from "vitest";
import { STATUS_CHANGES, statusChange, statusChangeAt, statusChangeOrder } from "./status-change";
import { STATUSES } from "./statuses";

describe("statusChange", () => {
  it("calls any step into compromised a new compromise, from any status and for a new server", () => {
    for (const before of [null, "patched", "unpatched", "mitigated", "unknown"] as const) {
      expect(statusChange(before, "compromised")).toBe("new-compromise");
    }
    expect(statusChange("compromised", "compromised")).toBe("unchanged");
  });

  it("orders the rest by the roll-up's severity: compromised, unpatched, unknown, mitigated, patched", () => {
    expect(statusChange("patched", "unpatched")).toBe("worsened");
    expect(statusChange("mitigated", "unknown")).toBe("worsened");
    expect(statusChange("unpatched", "patched")).toBe("improved");
    expect(statusChange("compromised", "unpatched")).toBe("improved");
    expect(statusChange("unknown", "mitigated")).toBe("improved");
    for (const s of STATUSES) if (s !== "compromised") expect(statusChange(s, s)).toBe("unchanged");
  });

  it("compares a server the import created with unknown, what an unscanned server is", () => {
    expect(statusChange(null, "unpatched")).toBe("worsened");
    expect(statusChange(null, "patched")).toBe("improved");
    expect(statusChange(null, "mitigated")).toBe("improved");
    expect(statusChange(null, "unknown")).toBe("unchanged");
  });
});

describe("statusChangeOrder", () => {
  it("lists new compromises, then worse, then better, then unchanged, and reads back what it stored", () => {
    expect(STATUS_CHANGES.map(statusChangeOrder)).toEqual([0, 1, 2, 3]);
    for (const c of STATUS_CHANGES) expect(statusChangeAt(statusChangeOrder(c))).toBe(c);
    expect(() => statusChangeAt(4)).toThrow();
  });
});
