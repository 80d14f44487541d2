import { describe, expect, it } from "vitest";
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import { compareToolVerdict, describeCompromiseCheck, type PatchVerdictStatus } from "./scan-evidence";

const EXPLOITATION_BEGAN = BUILT_IN_CAMPAIGNS.find((c) => c.id === "proxylogon")!.exploitedFrom;

const CHECKED_AT = new Date("2021-03-12T10:00:00Z");

function check(logAgeDays: number | null, indicatorCount = 0, checkedAt = CHECKED_AT) {
  return describeCompromiseCheck({ checkedAt, logAgeDays, indicatorCount, tool: "Test-ProxyLogon" }, EXPLOITATION_BEGAN);
}

describe("ProxyLogon's exploitation date", () => {
  it("is the day Volexity first saw exploitation, from the campaign's data", () => {
    expect(EXPLOITATION_BEGAN).toBe("2021-01-06");
  });
});

describe("describeCompromiseCheck", () => {
  it("says nothing was found", () => {
    expect(check(null).headline).toBe("Checked for compromise on 2021-03-12: nothing found");
  });

  it.each([
    [1, "1 indicator found"],
    [3, "3 indicators found"],
  ])("counts %i indicators", (count, text) => {
    expect(check(null, count).headline).toBe(`Checked for compromise on 2021-03-12: ${text}`);
  });

  it("gives the UTC day of the check", () => {
    expect(check(null, 0, new Date("2021-03-11T23:30:00-05:00")).headline).toBe(
      "Checked for compromise on 2021-03-12: nothing found",
    );
  });

  it("has no log coverage when the log age is not known", () => {
    expect(check(null)).toEqual({
      headline: "Checked for compromise on 2021-03-12: nothing found",
      logCoverage: null,
      logsTooShort: false,
    });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("ignores a broken log age (%s)", (age) => {
    expect(check(age)).toMatchObject({ logCoverage: null, logsTooShort: false });
  });

  it("warns when the logs start after exploitation began", () => {
    expect(check(12)).toEqual({
      headline: "Checked for compromise on 2021-03-12: nothing found",
      logCoverage:
        "Logs cover only 12 days (from 2021-02-28); exploitation began January 6, 2021, so earlier attacks would not show.",
      logsTooShort: true,
    });
    expect(check(1).logCoverage).toBe(
      "Logs cover only 1 day (from 2021-03-11); exploitation began January 6, 2021, so earlier attacks would not show.",
    );
    expect(check(0).logsTooShort).toBe(true);
  });

  it("is too short by a single day", () => {
    // 2021-03-12 minus 64 days is 2021-01-07.
    expect(check(64)).toMatchObject({ logsTooShort: true });
    expect(check(64).logCoverage).toContain("(from 2021-01-07)");
  });

  it("is enough when the logs reach the day exploitation began", () => {
    expect(check(65)).toMatchObject({
      logCoverage: "Logs cover 65 days, back to January 6, 2021, when exploitation began.",
      logsTooShort: false,
    });
  });

  it("is enough when the logs reach back before exploitation began", () => {
    expect(check(400)).toMatchObject({
      logCoverage: "Logs cover 400 days, back before exploitation began on January 6, 2021.",
      logsTooShort: false,
    });
  });
});

describe("compareToolVerdict", () => {
  const healthChecker = (vulnerable: boolean | "unknown", cves: string[] = []) => ({ tool: "Health Checker", vulnerable, cves });

  it("disagrees when the tool finds a patched build vulnerable", () => {
    expect(compareToolVerdict(healthChecker(true, ["CVE-2021-26855", "CVE-2021-27065"]), "patched")).toEqual({
      agrees: false,
      text:
        "Health Checker reports this server vulnerable (CVE-2021-26855, CVE-2021-27065) but its build is at or above " +
        "the fixed one: check the build and re-run the tool.",
    });
  });

  it("leaves out the CVE list when the tool names none", () => {
    expect(compareToolVerdict(healthChecker(true, [" ", ""]), "patched").text).toMatch(
      /^Health Checker reports this server vulnerable but its build/,
    );
  });

  it("agrees when the tool finds an unpatched build vulnerable", () => {
    expect(compareToolVerdict(healthChecker(true, ["CVE-2021-26855"]), "unpatched")).toEqual({
      agrees: true,
      text: "Health Checker reports this server vulnerable (CVE-2021-26855), as expected: its build is not patched.",
    });
  });

  it("agrees when the tool finds a mitigated build vulnerable: mitigated is not patched", () => {
    expect(compareToolVerdict(healthChecker(true, ["CVE-2021-26855"]), "mitigated")).toEqual({
      agrees: true,
      text:
        "Health Checker reports this server vulnerable (CVE-2021-26855), as expected: its build is not patched, " +
        "only mitigated.",
    });
  });

  it("agrees when the tool finds a patched build not vulnerable", () => {
    expect(compareToolVerdict(healthChecker(false), "patched")).toEqual({
      agrees: true,
      text: "Health Checker reports this server not vulnerable, as expected: its build is patched.",
    });
  });

  it("disagrees when the tool finds an unpatched build not vulnerable, and says to treat it as vulnerable", () => {
    expect(compareToolVerdict(healthChecker(false), "unpatched")).toEqual({
      agrees: false,
      text:
        "Health Checker reports this server not vulnerable, but its build is not patched: treat it as vulnerable, " +
        "check the build and re-run the tool.",
    });
  });

  it("disagrees when the tool finds a mitigated build not vulnerable", () => {
    const compared = compareToolVerdict(healthChecker(false), "mitigated");
    expect(compared.agrees).toBe(false);
    expect(compared.text).toContain("its build is not patched, only mitigated: treat it as vulnerable");
  });

  it.each<PatchVerdictStatus>(["patched", "unpatched", "mitigated", "unknown"])(
    "cannot compare when the tool could not decide (ours: %s)",
    (ours) => {
      expect(compareToolVerdict(healthChecker("unknown"), ours)).toEqual({
        agrees: null,
        text:
          "Health Checker could not determine whether this server is vulnerable, so it neither confirms nor " +
          "contradicts the build's verdict.",
      });
    },
  );

  it.each([
    [true, "Health Checker reports this server vulnerable (CVE-2021-26855); its build alone"],
    [false, "Health Checker reports this server not vulnerable; its build alone"],
  ])("cannot compare when the build cannot tell (tool vulnerable: %s)", (vulnerable, start) => {
    const compared = compareToolVerdict(healthChecker(vulnerable, ["CVE-2021-26855"]), "unknown");
    expect(compared.agrees).toBeNull();
    expect(compared.text).toBe(`${start} cannot tell whether it is patched, so there is nothing to compare.`);
  });

  it("names the scanner when the tool has no name", () => {
    expect(compareToolVerdict({ tool: " ", vulnerable: false, cves: [] }, "patched").text).toMatch(/^The scanner reports/);
  });
});
