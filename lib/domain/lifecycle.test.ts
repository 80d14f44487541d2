// Issue 11 item 6: servers come and go. Disconnected counts as mitigated until reconnected or patched;
// decommissioned leaves every count from that day, and comes back when a later scan sees it.
import { describe, expect, it } from "vitest";
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import { evaluateAcrossCampaigns } from "./campaign-evaluation";
import type { LifecycleFacts } from "./facts";
import { evaluateServer } from "./status";
import { AS_OF, history, PATCHED, scan, UNPATCHED } from "./status-test-support";

const PROXYLOGON = BUILT_IN_CAMPAIGNS.find((c) => c.id === "proxylogon")!;
const mark = (kind: LifecycleFacts["kind"], at: string): LifecycleFacts => ({ kind, at: new Date(at) });
const withMarks = (scans: ReturnType<typeof scan>[], marks: LifecycleFacts[]) => ({ ...history(scans), lifecycle: marks });

describe("disconnected", () => {
  it("counts as mitigated from the day it is marked until it is reconnected, and says why", () => {
    const e = evaluateServer(withMarks([scan("2021-03-04T10:00:00Z", UNPATCHED)], [mark("disconnected", "2021-03-06T09:00:00Z"), mark("reconnected", "2021-03-20T09:00:00Z")]), PROXYLOGON, AS_OF);
    expect(e.spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-04", toDay: "2021-03-06" },
      { status: "mitigated", fromDay: "2021-03-06", toDay: "2021-03-20" },
      { status: "unpatched", fromDay: "2021-03-20", toDay: null },
    ]);
    const still = evaluateServer(withMarks([scan("2021-03-04T10:00:00Z", UNPATCHED)], [mark("disconnected", "2021-03-06T09:00:00Z")]), PROXYLOGON, AS_OF);
    expect(still.current.status).toBe("mitigated");
    expect(still.current.reason).toMatch(/^Disconnected from the internet on 2021-03-06: counts as mitigated until/);
  });

  it("ends when a scan shows the server patched: a later rolled-back update is unpatched again", () => {
    const e = evaluateServer(
      withMarks([scan("2021-03-04T10:00:00Z", UNPATCHED), scan("2021-03-10T10:00:00Z", PATCHED), scan("2021-03-15T10:00:00Z", UNPATCHED)], [mark("disconnected", "2021-03-06T09:00:00Z")]),
      PROXYLOGON,
      AS_OF,
    );
    expect(e.spans.map((s) => s.status)).toEqual(["unpatched", "mitigated", "patched", "unpatched"]);
  });

  it("never hides a compromise", () => {
    const e = evaluateServer(withMarks([scan("2021-03-04T10:00:00Z", UNPATCHED, ["C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx"])], [mark("disconnected", "2021-03-06T09:00:00Z")]), PROXYLOGON, AS_OF);
    expect(e.current.status).toBe("compromised");
  });
});

describe("decommissioned", () => {
  it("leaves every span from that day, with its history kept, and is marked so", () => {
    const h = withMarks([scan("2021-03-04T10:00:00Z", UNPATCHED)], [mark("decommissioned", "2021-03-08T09:00:00Z")]);
    const e = evaluateServer(h, PROXYLOGON, AS_OF);
    expect(e.spans).toEqual([{ status: "unpatched", fromDay: "2021-03-04", toDay: "2021-03-08" }]);
    expect(e.current.decommissioned).toBe(true);
    expect(e.current.reason).toMatch(/^Decommissioned on 2021-03-08/);
    const all = evaluateAcrossCampaigns(h, BUILT_IN_CAMPAIGNS, AS_OF);
    expect(all.rollup.current.decommissioned).toBe(true);
    expect(all.rollup.spans.every((s) => s.toDay !== null && s.toDay <= "2021-03-08")).toBe(true);
  });

  it("comes back with a note when a later scan sees it again, even later the same day", () => {
    const later = evaluateServer(withMarks([scan("2021-03-04T10:00:00Z", UNPATCHED), scan("2021-04-01T10:00:00Z", PATCHED)], [mark("decommissioned", "2021-03-08T09:00:00Z")]), PROXYLOGON, AS_OF);
    expect(later.current.decommissioned).toBeFalsy();
    expect(later.spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-04", toDay: "2021-03-08" },
      { status: "patched", fromDay: "2021-04-01", toDay: null },
    ]);
    expect(later.current.reason).toMatch(/^Decommissioned on 2021-03-08, but a scan on 2021-04-01 saw it again: it counts again\./);
    const sameDay = evaluateServer(withMarks([scan("2021-03-08T12:00:00Z", UNPATCHED)], [mark("decommissioned", "2021-03-08T09:00:00Z")]), PROXYLOGON, AS_OF);
    expect(sameDay.current.decommissioned).toBeFalsy();
    const before = evaluateServer(withMarks([scan("2021-03-08T08:00:00Z", UNPATCHED)], [mark("decommissioned", "2021-03-08T09:00:00Z")]), PROXYLOGON, AS_OF);
    expect(before.current.decommissioned).toBe(true);
  });

  it("is undone by recommissioning", () => {
    const e = evaluateServer(withMarks([scan("2021-03-04T10:00:00Z", UNPATCHED)], [mark("decommissioned", "2021-03-08T09:00:00Z"), mark("recommissioned", "2021-03-09T09:00:00Z")]), PROXYLOGON, AS_OF);
    expect(e.current.decommissioned).toBeFalsy();
    expect(e.spans.at(-1)).toEqual({ status: "unpatched", fromDay: "2021-03-09", toDay: null });
  });
});
