import { describe, expect, it } from "vitest";
import { fileNameTime, readReportDate } from "./report-date";

describe("readReportDate", () => {
  it("gives both readings of a slash or dash date whose day and month could swap", () => {
    expect(readReportDate("3/9/2021 10:15:02 AM")).toEqual({
      kind: "ambiguous",
      readings: [new Date("2021-03-09T10:15:02Z"), new Date("2021-09-03T10:15:02Z")],
    });
    expect(readReportDate("09-03-2021 10:15:02")?.kind).toBe("ambiguous");
    expect(readReportDate("09.03.2021 10:15:02")).toEqual({ kind: "time", at: new Date("2021-03-09T10:15:02Z") });
  });

  it("rejects dates and times that do not exist, and text that is no date", () => {
    for (const text of ["02/30/2021 10:15:02", "31.02.2021 10:15:02", "3/19/2021 13:15:02 PM", "3/19/2021 24:00:00", "19/13/2021", "yesterday", "", "2021-03", `${"1".repeat(200)}`]) {
      expect(readReportDate(text), text).toBeNull();
    }
  });
});

describe("fileNameTime", () => {
  it("reads Health Checker's yyyyMMddHHmmss, with a folder or a browser's (1), and nothing else", () => {
    expect(fileNameTime("HealthChecker-VulnerabilityReport-20210309101300.json")).toEqual(new Date("2021-03-09T10:13:00Z"));
    expect(fileNameTime("reports/healthchecker-vulnerabilityreport-20210309101300 (1).json")).toEqual(new Date("2021-03-09T10:13:00Z"));
    expect(fileNameTime("HealthChecker-VulnerabilityReport-20211309101300.json")).toBeNull();
    expect(fileNameTime("HealthChecker-VulnerabilityReport-202103091013.json")).toBeNull();
    expect(fileNameTime("report.json")).toBeNull();
    expect(fileNameTime(null)).toBeNull();
  });
});
