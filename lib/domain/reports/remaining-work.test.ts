import { describe, expect, it } from "vitest";
import type { ReportServer } from "./client-report";
import { remainingWork } from "./remaining-work";

const AS_OF = new Date("2026-12-01T12:00:00Z");
let next = 1;
function server(over: Partial<ReportServer>): ReportServer {
  return {
    id: next++,
    hostname: `EXCH${next}`,
    status: "patched",
    reason: "",
    build: "15.2.1544.4",
    product: "Exchange Server 2019",
    cumulativeUpdate: "CU14",
    updatesBehind: 0,
    openCves: 0,
    supported: true,
    lastScanAt: "2026-11-30T09:00:00Z",
    indicatorCount: 0,
    exposedSince: null,
    install: [],
    ...over,
  };
}

const KB = "Install Mar21SU for Exchange Server 2019 CU8 (build 15.2.792.10 or later).";

describe("remainingWork", () => {
  it("has nothing to say about patched, recently scanned, supported servers", () => {
    expect(remainingWork([server({}), server({})], AS_OF)).toEqual([]);
  });

  it("puts compromises first, then each update with the number of servers that need it", () => {
    const todo = remainingWork(
      [
        server({ status: "unpatched", install: [KB] }),
        server({ status: "unpatched", install: [KB] }),
        server({ status: "compromised", install: [KB], indicatorCount: 2 }),
        server({ status: "unpatched", install: ["Install Exchange Server 2010 SP3, then Update Rollup 32."] }),
      ],
      AS_OF,
    );
    expect(todo.map((t) => t.kind)).toEqual(["investigate", "install", "install"]);
    expect(todo[0]).toMatchObject({ servers: 1, text: expect.stringContaining("Investigate 1 server") });
    expect(todo[1]).toEqual({ kind: "install", servers: 3, text: `On 3 servers: ${KB}` });
    expect(todo[2].servers).toBe(1);
  });

  it("asks for a build where the verdict is unknown, and for the update where only a mitigation protects", () => {
    const todo = remainingWork([server({ status: "unknown" }), server({ status: "mitigated" })], AS_OF);
    expect(todo.map((t) => [t.kind, t.servers])).toEqual([
      ["find-build", 1],
      ["mitigated", 1],
    ]);
  });

  it("counts servers not scanned in 30 days, and those never scanned", () => {
    const todo = remainingWork([server({ lastScanAt: "2026-10-01T00:00:00Z" }), server({ lastScanAt: null }), server({ lastScanAt: "2026-11-20T00:00:00Z" })], AS_OF);
    expect(todo).toEqual([{ kind: "rescan", servers: 2, text: "Rescan 2 servers not scanned in 30 days." }]);
  });

  it("counts hunts still needed when the hunt state is known, and unsupported products", () => {
    const todo = remainingWork([server({ hunt: "needed" }), server({ hunt: "partly-hunted" }), server({ hunt: "hunted", supported: false })], AS_OF);
    expect(todo.map((t) => [t.kind, t.servers])).toEqual([
      ["hunt", 2],
      ["unsupported", 1],
    ]);
    expect(todo[0].text).toContain("1 only partly hunted");
  });

  it("lists five updates one by one and sums the rest", () => {
    const list = Array.from({ length: 7 }, (_, i) => server({ status: "unpatched", install: [`Install update ${i}.`] }));
    const installs = remainingWork(list, AS_OF).filter((t) => t.kind === "install");
    expect(installs).toHaveLength(6);
    expect(installs[5]).toMatchObject({ servers: 2, text: expect.stringContaining("2 other updates") });
  });
});
