import { describe, expect, it } from "vitest";
import { exportFileName, negotiateFormat } from "./export-format";

describe("negotiateFormat", () => {
  it("takes format= first", () => {
    expect(negotiateFormat("xlsx", "text/csv")).toBe("xlsx");
    expect(negotiateFormat("json", "text/csv")).toBe("json");
  });
  it("reads CSV or XLSX from Accept, JSON otherwise", () => {
    expect(negotiateFormat(undefined, "text/csv")).toBe("csv");
    expect(negotiateFormat(undefined, "text/csv; charset=utf-8, application/json;q=0.5")).toBe("csv");
    expect(negotiateFormat(undefined, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe("xlsx");
    expect(negotiateFormat(undefined, "text/html,application/xhtml+xml,*/*;q=0.8")).toBe("json");
    expect(negotiateFormat(undefined, "*/*")).toBe("json");
    expect(negotiateFormat(undefined, null)).toBe("json");
  });
});

describe("exportFileName", () => {
  const day = new Date("2026-12-02T10:00:00Z");
  it("names what, whose, the campaign and the day", () => {
    expect(exportFileName(["servers", "acme-clinic", "proxylogon"], "csv", day)).toBe("patchboard-servers-acme-clinic-proxylogon-2026-12-02.csv");
    expect(exportFileName(["organizations", undefined, "all"], "xlsx", day)).toBe("patchboard-organizations-all-2026-12-02.xlsx");
  });
  it("keeps only safe characters (the name goes into a header)", () => {
    expect(exportFileName(['a"b\r\nc', "../x"], "csv", day)).toBe("patchboard-a-b-c-x-2026-12-02.csv");
  });
});
