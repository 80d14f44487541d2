import { describe, expect, it } from "vitest";
import { findingSummary } from "./findings";

describe("a finding in a few words", () => {
  it("is the path for the types a path decides, and the type for a log hit", () => {
    expect(findingSummary("reported", "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx")).toBe("C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx");
    expect(findingSummary("SuspiciousFile", "C:\\ProgramData\\x.7z")).toBe("C:\\ProgramData\\x.7z");
    expect(findingSummary("Cve-2021-26855", "/ecp/y.js from 86.105.18.116")).toBe("Cve-2021-26855");
    expect(findingSummary("reported", "  ")).toBe("reported");
  });

  it("is cut to 120 characters", () => {
    const long = findingSummary("other", `C:\\${"a".repeat(300)}`);
    expect(long).toHaveLength(120);
    expect(long.endsWith("…")).toBe(true);
  });
});
