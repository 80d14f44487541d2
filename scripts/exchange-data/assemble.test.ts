import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildExchangeData, type SourceTexts } from "./assemble";
import { readSourceTexts } from "./read-sources";
import { parseUpdateName, patchTuesday } from "./tsv";

const root = fileURLToPath(new URL("../../", import.meta.url));
const original = readSourceTexts(root);

// The real files with one change, so each test shows one defect being caught.
function broken(file: keyof SourceTexts, change: (text: string) => string): SourceTexts {
  const changed = change(original[file]);
  expect(changed).not.toBe(original[file]);
  return { ...original, [file]: changed };
}

describe("buildExchangeData", () => {
  it("accepts the committed source files", () => {
    expect(() => buildExchangeData(original)).not.toThrow();
  });

  it.each<[string, keyof SourceTexts, (t: string) => string, RegExp]>([
    ["a build that does not parse", "builds.tsv", (t) => t.replace("15.1.2176.9\n", "15.1.2176.x\n"), /builds\.tsv:\d+: build "15\.1\.2176\.x" is not a four-part build/],
    ["a long-form build", "builds.tsv", (t) => t.replace("15.1.2176.9\n", "15.01.2176.009\n"), /not a four-part build in short form/],
    ["a date that is no date", "builds.tsv", (t) => t.replace("2020-12-15\t\t15.1.2176.2", "2020-02-30\t\t15.1.2176.2"), /cu_released "2020-02-30" is not a date/],
    ["an SU build on another CU's third part", "builds.tsv", (t) => t.replace("Mar21SU\t15.1.2176.9", "Mar21SU\t15.1.2177.9"), /build 15\.1\.2177\.9 is not a build of CU19/],
    ["a later update with a lower build", "builds.tsv", (t) => t.replace("May21SU\t15.1.2176.14", "May21SU\t15.1.2176.10"), /Apr21SU \(15\.1\.2176\.12, CSS-Exchange\) came out before May21SU \(15\.1\.2176\.10/],
    ["an update name that is not one", "builds.tsv", (t) => t.replace("Apr21SU\t15.1.2176.12", "April21\t15.1.2176.12"), /"April21" is not an update name/],
    ["an SU in su-cves.tsv with no build", "su-cves.tsv", (t) => t.replace("Feb21SU\tCVE-2021-24085", "Feb22SU\tCVE-2021-24085"), /Feb22SU has no build in builds\.tsv/],
    ["a CVE listed for a product that never got the SU", "su-cves.tsv", (t) => t.replace("Feb21SU\tCVE-2021-24085\tExchange2016,Exchange2019", "Feb21SU\tCVE-2021-24085\tExchange2013,Exchange2016,Exchange2019"), /Feb21SU fixes CVE-2021-24085 for Exchange 2013, but no Exchange 2013 release has a Feb21SU build/],
    ["a CVE id that is not one", "kev-exchange.tsv", (t) => t.replace("CVE-2020-0688", "CVE-20-0688"), /"CVE-20-0688" is not a CVE id/],
    ["an unknown product", "products.tsv", (t) => t.replace("ExchangeSE", "Exchange2022"), /product "Exchange2022" is not a known product/],
    ["a missing column", "products.tsv", (t) => t.replace("\t2023-04-11", ""), /expected 3 tab-separated fields, found 2/],
    ["a wrong header", "su-cves.tsv", (t) => t.replace("security_update\tcve", "su\tcve"), /su-cves\.tsv:1: expected the columns/],
    ["an undefined source label", "su-builds-extra.tsv", (t) => t.replace("15.1.1415.10\tMicrosoft's build-number page", "15.1.1415.10\tMS docs"), /source "MS docs" is not defined/],
    ["an extra build for an unknown release", "su-builds-extra.tsv", (t) => t.replace("Exchange2016\tCU8", "Exchange2016\tCU88"), /Exchange 2016 CU88 is not a known release/],
    ["a hotfix update without a date", "release-dates.tsv", (t) => t.replace(/Apr24HU.*\n/, ""), /Apr24HU needs a release date/],
    ["a re-release without a date", "release-dates.tsv", (t) => t.replace(/Aug23SUv2.*\n/, ""), /Aug23SUv2 needs a release date/],
    ["an exception outside the update's month", "release-dates.tsv", (t) => t.replace("2021-03-02", "2021-02-23"), /Mar21SU is dated outside 2021-03/],
    ["an exception for an update with no build", "release-dates.tsv", (t) => t.replace("Sep25HU", "Oct25HU").replace("2025-09-08", "2025-10-08"), /Oct25HU has no build/],
    ["a release listed in both files", "releases-extra.tsv", (t) => `${t}Exchange2016\tCU1\t2016-03-15\t15.1.396.30\tMicrosoft's build-number page\n`, /Exchange 2016 CU1 is already in builds\.tsv/],
    ["a release whose base build is another product's", "releases-extra.tsv", (t) => t.replace("15.0.516.32", "15.1.516.32"), /base build 15\.1\.516\.32 is not a build of Exchange 2013/],
    ["a rename of an unknown release", "release-names.tsv", (t) => t.replace("CU4\tSP1", "CU44\tSP1"), /Exchange 2013 CU44 is not a known release/],
  ])("fails loudly on %s", (_what, file, change, message) => {
    expect(() => buildExchangeData(broken(file, change))).toThrow(message);
  });

  it("reports every problem in one run", () => {
    const texts = broken("kev-exchange.tsv", (t) => t.replace("2021-11-03", "2021-13-03").replace("\tKnown\t", "\tYes\t"));
    expect(() => buildExchangeData(texts)).toThrow(/2 problem\(s\)/);
  });
});

describe("update names and dates", () => {
  it("reads the month, kind and re-release from a name", () => {
    expect(parseUpdateName("Mar21SU")).toEqual({ name: "Mar21SU", kind: "SU", year: 2021, month: 3, reReleaseOf: null });
    expect(parseUpdateName("Aug23SUv2")).toMatchObject({ kind: "SU", reReleaseOf: "Aug23SU" });
    expect(parseUpdateName("Apr24HU")).toMatchObject({ kind: "HU", year: 2024, month: 4 });
    expect(parseUpdateName("Mrz21SU")).toBeNull();
    expect(parseUpdateName("Mar21")).toBeNull();
  });

  it.each([
    [2021, 3, "2021-03-09"],
    [2022, 3, "2022-03-08"],
    [2022, 11, "2022-11-08"],
    [2023, 8, "2023-08-08"],
    [2025, 10, "2025-10-14"],
  ])("Patch Tuesday of %i-%i is %s", (year, month, date) => {
    expect(patchTuesday(year, month)).toBe(date);
  });
});
