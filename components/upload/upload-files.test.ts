import { describe, expect, it } from "vitest";
import type { ImportSummary } from "@/lib/views";
import { checkFiles, expectedImports, groupProxyLogonFiles, pendingFiles } from "./upload-files";

const file = (name: string, size = 10) => new File(["x".repeat(size)], name);
const names = (files: File[]) => files.map((f) => f.name);

describe("upload files", () => {
  it("refuses empty and too large files before sending anything", () => {
    expect(checkFiles([file("a.csv")], 100)).toBeNull();
    expect(checkFiles([file("a.csv", 0)], 100)?.message).toContain("empty");
    const both = checkFiles([file("a.csv", 0), file("b.csv", 200)], 100);
    expect(both?.details).toHaveLength(2);
  });

  it("counts the files of one upload together against the limit", () => {
    expect(checkFiles([file("a.csv", 50), file("b.csv", 50)], 100)).toBeNull();
    expect(checkFiles([file("a.csv", 50), file("b.csv", 50), file("c.csv", 50)], 100)?.message).toMatch(/3 files are 150 B together.*limit/);
  });

  it("puts Test-ProxyLogon files side by side and counts them as one import", () => {
    const files = [file("EXCH01-Cve-2021-26855.csv"), file("inventory.csv"), file("EXCH01-LogAgeDays.csv"), file("report.xml")];
    expect(names(groupProxyLogonFiles(files))).toEqual(["EXCH01-Cve-2021-26855.csv", "EXCH01-LogAgeDays.csv", "inventory.csv", "report.xml"]);
    expect(expectedImports(files)).toBe(3);
    expect(expectedImports([file("a.csv"), file("b.zip")])).toBe(2);
  });

  it("leaves out the files a committed import names", () => {
    const files = [file("EXCH01-Cve-2021-26855.csv"), file("EXCH01-LogAgeDays.csv"), file("inventory.csv")];
    const committed = [{ fileName: "EXCH01-Cve-2021-26855.csv, EXCH01-LogAgeDays.csv" } as ImportSummary];
    expect(names(pendingFiles(files, committed))).toEqual(["inventory.csv"]);
    expect(names(pendingFiles(files, []))).toEqual(names(files));
  });
});
