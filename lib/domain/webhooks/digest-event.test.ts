import { describe, expect, it } from "vitest";
import type { DigestChange, WeeklyDigest } from "../digest";
import { emptyCounts } from "../statuses";
import { DIGEST_EVENT_LISTED, digestEventData, digestEventIsQuiet, weekWords } from "./digest-event";

const change = (i: number): DigestChange => ({ serverId: i, hostname: `H${i}`, before: "unpatched", after: "patched", day: "2021-03-09" });
const counts = { ...emptyCounts(), servers: 0 };

function quietDigest(): WeeklyDigest {
  return {
    organization: { id: 3, slug: "harbor", name: "Harbor" },
    campaign: { id: "all", name: "All known-exploited" },
    week: { from: "2021-03-08", until: "2021-03-14" },
    counts: { before: counts, after: counts },
    patched: { items: [], total: 0 },
    exposed: { items: [], total: 0 },
    other: { items: [], total: 0 },
    findings: { items: [], total: 0, findings: 0 },
    hunts: { items: [], total: 0 },
  };
}

describe("the weekly digest as event data", () => {
  it("keeps each list short and each total exact, with the fields a receiver needs", () => {
    const busy: WeeklyDigest = {
      ...quietDigest(),
      patched: { items: Array.from({ length: 50 }, (_, i) => change(i)), total: 70 },
      findings: {
        items: [{ serverId: 9, hostname: "EX9", indicators: 2, suspiciousFiles: 1, what: ["CVE-2021-26855"], firstAt: "2021-03-03T02:45:10.000Z", reportedAt: "2021-03-12T10:00:00.000Z" }],
        total: 1,
        findings: 3,
      },
      hunts: { items: [{ serverId: 9, hostname: "EX9", at: "2021-03-12T10:00:00.000Z", kind: "check", tool: "Test-ProxyLogon", result: "found", covers: null }], total: 1 },
    };
    const data = digestEventData(busy);
    expect(data.patched.servers).toHaveLength(DIGEST_EVENT_LISTED);
    expect(data.patched.total).toBe(70);
    expect(data.patched.servers[0]).toEqual({ id: 0, hostname: "H0", before: "unpatched", after: "patched", day: "2021-03-09" });
    expect(data.findings).toEqual({ servers: [{ id: 9, hostname: "EX9", indicators: 2, suspiciousFiles: 1 }], total: 1, findings: 3 });
    expect(data.hunts).toEqual({ servers: [{ id: 9, hostname: "EX9", tool: "Test-ProxyLogon", result: "found", at: "2021-03-12T10:00:00.000Z" }], total: 1 });
    expect(data).toMatchObject({ organization: { id: 3, slug: "harbor", name: "Harbor" }, week: busy.week, campaign: busy.campaign, counts: busy.counts });
    expect(digestEventIsQuiet(data)).toBe(false);
    expect(digestEventData(busy, 5).patched.servers).toHaveLength(5);
  });

  it("a week with nothing in it is quiet, and still has its data", () => {
    const data = digestEventData(quietDigest());
    expect(digestEventIsQuiet(data)).toBe(true);
    expect(data.exposed).toEqual({ servers: [], total: 0 });
  });

  it("says a week with what its two ends share said once", () => {
    expect(weekWords({ from: "2021-03-08", until: "2021-03-14" })).toBe("8 – 14 Mar 2021");
    expect(weekWords({ from: "2026-11-30", until: "2026-12-06" })).toBe("30 Nov – 6 Dec 2026");
    expect(weekWords({ from: "2025-12-29", until: "2026-01-04" })).toBe("29 Dec 2025 – 4 Jan 2026");
  });
});
