import { describe, expect, it } from "vitest";
import { pdfText } from "./pdf-text";

describe("pdfText", () => {
  it("keeps what Helvetica can draw: ASCII, Latin-1 and the Windows-1252 punctuation", () => {
    expect(pdfText("Zürich Dental – “north” site, 5 € (a\\b)")).toBe("Zürich Dental – “north” site, 5 € (a\\b)");
  });
  it("replaces what it cannot draw, and control characters", () => {
    expect(pdfText("日本 → ok\u0000\u0007x\ty")).toBe("?? ? ok  x y");
  });
});
