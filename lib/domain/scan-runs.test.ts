import { describe, expect, it } from "vitest";
import { foldUnchangedScans, type HistoryEntry, type ScanOutcome } from "./scan-runs";

const scan = (day: string, over: Partial<ScanOutcome> = {}): ScanOutcome => ({
  scannedAt: `2021-${day}T10:00:00.000Z`,
  source: "canonical",
  status: "unpatched",
  build: "15.1.2176.2",
  mitigation: null,
  indicators: [],
  ...over,
});

// The history as days: a change is its day, a folded run is [newest, ..., oldest].
const shape = (entries: HistoryEntry<ScanOutcome>[]) =>
  entries.map((e) => (e.kind === "change" ? e.scan.scannedAt.slice(5, 10) : e.scans.map((s) => s.scannedAt.slice(5, 10))));

describe("issue 10 item 3: the scan history folds runs of scans that changed nothing", () => {
  it("shows the first scan and each change, and folds the repeats between them (newest first)", () => {
    const scans = [
      scan("04-29", { status: "patched", build: "15.1.2176.9" }),
      scan("04-22", { status: "patched", build: "15.1.2176.9" }),
      scan("04-15", { status: "patched", build: "15.1.2176.9" }),
      scan("03-11", { status: "patched", build: "15.1.2176.9" }),
      scan("03-10"),
      scan("03-09"),
      scan("03-04"),
    ];
    const entries = foldUnchangedScans(scans);
    expect(shape(entries)).toEqual([["04-29", "04-22", "04-15"], "03-11", ["03-10", "03-09"], "03-04"]);
    expect(entries[0]).toMatchObject({ kind: "unchanged", from: "2021-04-15T10:00:00.000Z", to: "2021-04-29T10:00:00.000Z" });
  });

  it("counts a new build, a mitigation or a new finding as a change even when the verdict stays", () => {
    const entries = foldUnchangedScans([
      scan("03-12", { status: "compromised", indicators: ["/owa/auth/x.aspx", "lsass.dmp"] }),
      scan("03-11", { status: "compromised", indicators: ["/owa/auth/x.aspx"] }),
      scan("03-10", { mitigation: "eomt" }),
      scan("03-09", { build: "15.1.2176.4" }),
      scan("03-08"),
    ]);
    expect(entries.every((e) => e.kind === "change")).toBe(true);
  });

  it("does not care about the order a scan lists its findings in", () => {
    const entries = foldUnchangedScans([scan("03-12", { indicators: ["b", "a"] }), scan("03-11", { indicators: ["a", "b"] })]);
    expect(shape(entries)).toEqual([["03-12"], "03-11"]);
  });

  it("compares each tool with its own previous scan, so interleaved compromise checks fold too", () => {
    const check = (day: string) => scan(day, { source: "test-proxylogon", status: "unknown", build: null });
    const entries = foldUnchangedScans([scan("03-20"), check("03-19"), scan("03-13"), check("03-12"), scan("03-06"), check("03-05")]);
    expect(shape(entries)).toEqual([["03-20", "03-19", "03-13", "03-12"], "03-06", "03-05"]);
  });

  it("keeps a single scan, and an empty history, as they are", () => {
    expect(shape(foldUnchangedScans([scan("03-04")]))).toEqual(["03-04"]);
    expect(foldUnchangedScans([])).toEqual([]);
  });
});
