import { describe, expect, it } from "vitest";
import { MAX_REDIRECT_LENGTH, safeRedirectPath } from "./safe-redirect";

// How a browser would resolve the answer as a Location or window.location.assign() target on our origin.
const resolvedOrigin = (path: string) => new URL(path, "https://patchboard.example/sign-in").origin;

describe("issue 8 item 12: safeRedirectPath", () => {
  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/./\\evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example",
    "https:evil.example",
    "http://patchboard.invalid@evil.example",
    "//patchboard.example@evil.example/",
    "http:/\\evil.example",
    "/%2F%2Fevil.example",
    "",
    "x".repeat(MAX_REDIRECT_LENGTH + 1),
    undefined,
    null,
    42,
  ])("never leaves the origin for %j", (raw) => {
    const path = safeRedirectPath(raw);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    expect(resolvedOrigin(path)).toBe("https://patchboard.example");
  });

  it.each([
    ["//evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/.//evil.example", "/"],
    ["https://evil.example/servers", "/"],
    ["javascript:alert(1)", "/"],
  ])("answers %j with the fallback", (raw, expected) => {
    expect(safeRedirectPath(raw)).toBe(expected);
  });

  it.each([
    ["/servers", "/servers"],
    ["/servers?status=unpatched&q=exch#top", "/servers?status=unpatched&q=exch#top"],
    ["/organizations/harbor-county", "/organizations/harbor-county"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"], // an encoded slash stays part of one path segment
    ["/a/../servers", "/servers"],
  ])("keeps the same-origin path %j", (raw, expected) => {
    expect(safeRedirectPath(raw)).toBe(expected);
  });

  it("takes the first of repeated parameters", () => {
    expect(safeRedirectPath(["/upload", "//evil.example"])).toBe("/upload");
    expect(safeRedirectPath(["//evil.example", "/upload"])).toBe("/");
  });
});
