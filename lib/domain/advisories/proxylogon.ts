// The March 2021 Exchange "ProxyLogon" advisory as data. Facts and sources: /work/shared/reference/proxylogon.md.
import type { Advisory, SourcedBuild } from "../advisory";

const CSS = "CSS-Exchange";
const MS = "Microsoft's build-number page";

// Most rows: both sources give the same build. CSS-Exchange has no entry for 2013 SP1 or 2019 RTM.
function both(build: string): SourcedBuild[] {
  return [
    { build, source: CSS },
    { build, source: MS },
  ];
}

export const PROXYLOGON: Advisory = {
  id: "proxylogon-2021-03",
  title: "Exchange Server ProxyLogon (March 2021 out-of-band security updates)",
  published: "2021-03-02",
  // Volexity saw exploitation from this day; CISA advised searching for indicators back to September 2020.
  exploitationBegan: "2021-01-06",
  cves: [
    "CVE-2021-26855",
    "CVE-2021-26857",
    "CVE-2021-26858",
    "CVE-2021-27065",
    "CVE-2021-26412",
    "CVE-2021-26854",
    "CVE-2021-27078",
  ],
  kbArticles: [
    { kb: "KB5000871", appliesTo: "Exchange 2013, 2016 and 2019: security update for the listed CUs" },
    { kb: "KB5000978", appliesTo: "Exchange 2010 SP3: Update Rollup 32, fixes CVE-2021-26857 only" },
  ],
  securityUpdate: { name: "the March 2021 security update", kb: "KB5000871" },
  securityUpdates: [
    { product: "Exchange 2013", cumulativeUpdate: "SP1 (CU4)", fixedBuilds: [{ build: "15.0.847.64", source: MS }] },
    { product: "Exchange 2013", cumulativeUpdate: "CU21", fixedBuilds: both("15.0.1395.12") },
    { product: "Exchange 2013", cumulativeUpdate: "CU22", fixedBuilds: both("15.0.1473.6") },
    { product: "Exchange 2013", cumulativeUpdate: "CU23", fixedBuilds: both("15.0.1497.12") },
    // The two sources disagree on CU8 and CU9; the engine uses the higher build and says so.
    {
      product: "Exchange 2016",
      cumulativeUpdate: "CU8",
      fixedBuilds: [
        { build: "15.1.1415.8", source: CSS },
        { build: "15.1.1415.10", source: MS },
      ],
    },
    {
      product: "Exchange 2016",
      cumulativeUpdate: "CU9",
      fixedBuilds: [
        { build: "15.1.1466.13", source: CSS },
        { build: "15.1.1466.16", source: MS },
      ],
    },
    { product: "Exchange 2016", cumulativeUpdate: "CU10", fixedBuilds: both("15.1.1531.12") },
    { product: "Exchange 2016", cumulativeUpdate: "CU11", fixedBuilds: both("15.1.1591.18") },
    { product: "Exchange 2016", cumulativeUpdate: "CU12", fixedBuilds: both("15.1.1713.10") },
    { product: "Exchange 2016", cumulativeUpdate: "CU13", fixedBuilds: both("15.1.1779.8") },
    { product: "Exchange 2016", cumulativeUpdate: "CU14", fixedBuilds: both("15.1.1847.12") },
    { product: "Exchange 2016", cumulativeUpdate: "CU15", fixedBuilds: both("15.1.1913.12") },
    { product: "Exchange 2016", cumulativeUpdate: "CU16", fixedBuilds: both("15.1.1979.8") },
    { product: "Exchange 2016", cumulativeUpdate: "CU17", fixedBuilds: both("15.1.2044.13") },
    { product: "Exchange 2016", cumulativeUpdate: "CU18", fixedBuilds: both("15.1.2106.13") },
    { product: "Exchange 2016", cumulativeUpdate: "CU19", fixedBuilds: both("15.1.2176.9") },
    { product: "Exchange 2019", cumulativeUpdate: "RTM", fixedBuilds: [{ build: "15.2.221.18", source: MS }] },
    { product: "Exchange 2019", cumulativeUpdate: "CU1", fixedBuilds: both("15.2.330.11") },
    { product: "Exchange 2019", cumulativeUpdate: "CU2", fixedBuilds: both("15.2.397.11") },
    { product: "Exchange 2019", cumulativeUpdate: "CU3", fixedBuilds: both("15.2.464.15") },
    { product: "Exchange 2019", cumulativeUpdate: "CU4", fixedBuilds: both("15.2.529.13") },
    { product: "Exchange 2019", cumulativeUpdate: "CU5", fixedBuilds: both("15.2.595.8") },
    { product: "Exchange 2019", cumulativeUpdate: "CU6", fixedBuilds: both("15.2.659.12") },
    { product: "Exchange 2019", cumulativeUpdate: "CU7", fixedBuilds: both("15.2.721.13") },
    { product: "Exchange 2019", cumulativeUpdate: "CU8", fixedBuilds: both("15.2.792.10") },
  ],
  // CUs released on March 16, 2021 and later include the fixes.
  fixedFrom: [
    { product: "Exchange 2016", from: "CU20", source: MS },
    { product: "Exchange 2019", from: "CU9", source: MS },
    { product: "Exchange SE", from: "RTM", source: MS },
  ],
  servicePackRules: [
    {
      product: "Exchange 2010",
      servicePack: "SP3",
      fixedBuild: "14.3.513.0",
      updateName: "Update Rollup 32",
      kb: "KB5000978",
      cves: ["CVE-2021-26857"],
      note: "Exchange 2010 is affected by CVE-2021-26857 only.",
      source: MS,
    },
  ],
  sources: [
    {
      label: CSS,
      reference:
        "microsoft/CSS-Exchange, Shared/Get-ExchangeBuildVersionInformation.ps1 (the Mar21SU entries)",
    },
    {
      label: MS,
      reference:
        "Microsoft, Exchange Server build numbers and release dates, " +
        "https://learn.microsoft.com/exchange/new-features/build-numbers-and-release-dates",
    },
    { label: "CVE records", reference: "CVE-2021-26855, CVE-2021-27078 (CVEProject/cvelistV5)" },
    { label: "Tenable", reference: "Nessus plugins 147003 (KB5000871) and 147024 (Exchange 2010)" },
  ],
};
