import { describe, expect, it } from "vitest";
import { explainCompromiseCheck, type CompromiseCheckFacts } from "./compromise-check";

const EXPLOITED_FROM = "2021-01-06";
const check = (over: Partial<CompromiseCheckFacts> = {}): CompromiseCheckFacts => ({
  checkedAt: new Date("2021-03-20T10:00:00Z"),
  logAgeDays: 30,
  tool: "Test-ProxyLogon",
  open: 0,
  cleared: 0,
  ...over,
});

describe("issue 10 item 4: the compromise check never contradicts the open indicators", () => {
  it("is never clean while indicators from earlier scans are open: a check that finds nothing does not clear them", () => {
    const explained = explainCompromiseCheck(check(), 2, EXPLOITED_FROM);
    expect(explained.tone).toBe("found");
    expect(explained.headline).toBe("Checked for compromise on 2021-03-20: nothing new found");
    expect(explained.note).toBe("2 indicators from earlier scans are still open: a check that finds nothing does not clear them. Record a remediation once the server has been cleaned.");
  });

  it("does not call old hits listed again after a remediation a new compromise", () => {
    const explained = explainCompromiseCheck(check({ cleared: 3 }), 0, EXPLOITED_FROM);
    expect(explained).toMatchObject({ tone: "clean", note: null });
    expect(explained.headline).toBe("Checked for compromise on 2021-03-20: 3 earlier findings reported again, dated before the last remediation, so cleared");
  });

  it("counts only the open ones as found, and says when earlier scans add more", () => {
    expect(explainCompromiseCheck(check({ open: 1, cleared: 2 }), 1, EXPLOITED_FROM)).toMatchObject({
      tone: "found",
      headline: "Checked for compromise on 2021-03-20: 1 indicator found",
      note: null,
    });
    expect(explainCompromiseCheck(check({ open: 1 }), 3, EXPLOITED_FROM).note).toBe("3 open indicators in all, with those of earlier scans.");
  });

  it("is clean exactly when nothing is open on the server, whatever the check's own counts", () => {
    for (const open of [0, 1, 4]) {
      for (const cleared of [0, 2]) {
        for (const openOnServer of [0, 1, 5]) {
          const explained = explainCompromiseCheck(check({ open, cleared }), openOnServer, EXPLOITED_FROM);
          expect(explained.tone === "clean").toBe(open === 0 && openOnServer === 0);
        }
      }
    }
  });

  it("keeps the log coverage of the check", () => {
    const explained = explainCompromiseCheck(check({ logAgeDays: 12 }), 0, EXPLOITED_FROM);
    expect(explained).toMatchObject({ tone: "clean", logsTooShort: true, headline: "Checked for compromise on 2021-03-20: nothing found" });
    expect(explained.logCoverage).toMatch(/only 12 days/);
  });
});
