import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { preferredEncoding, staticFile } from "./compressed-static";

describe("preferredEncoding", () => {
  it("prefers brotli, then gzip, as the client accepts them", () => {
    expect(preferredEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(preferredEncoding("gzip, deflate")).toBe("gzip");
    expect(preferredEncoding("x-gzip")).toBe("gzip");
    expect(preferredEncoding(["gzip", "br"])).toBe("br");
  });

  it("reads q-values: 0 refuses, and * stands for what is not named", () => {
    expect(preferredEncoding("br;q=0, gzip")).toBe("gzip");
    expect(preferredEncoding("BR ; q=0.5, gzip;q=1")).toBe("br");
    expect(preferredEncoding("*")).toBe("br");
    expect(preferredEncoding("*;q=0, gzip")).toBe("gzip");
    expect(preferredEncoding("br;q=0, gzip;q=0")).toBeNull();
    expect(preferredEncoding("br;q=nonsense, gzip")).toBe("gzip");
  });

  it("answers null for clients that accept neither", () => {
    expect(preferredEncoding(undefined)).toBeNull();
    expect(preferredEncoding("")).toBeNull();
    expect(preferredEncoding("identity")).toBeNull();
    expect(preferredEncoding("deflate")).toBeNull();
  });
});

describe("staticFile", () => {
  const root = "/srv/app/.next/static";

  it("maps a static asset's path to its file, without the query", () => {
    expect(staticFile("/_next/static/chunks/0abc.js?dpl=1", root)).toBe(resolve(root, "chunks/0abc.js"));
    expect(staticFile("/_next/static/chunks/app.css", root)).toBe(resolve(root, "chunks/app.css"));
    expect(staticFile("/_next/static/media/icon%2Ea.svg", root)).toBe(resolve(root, "media/icon.a.svg"));
  });

  it("refuses anything outside the static folder or not a plain file name", () => {
    for (const url of [
      "/_next/static/../../package.json",
      "/_next/static/%2e%2e/%2e%2e/package.json",
      "/_next/static/chunks/..%2f..%2fsecret.js",
      "/_next/static/./chunks/a.js",
      "/_next/static//etc/a.js",
      "/_next/static/chunks/a.js%00.js",
      "/_next/static/chunks/%E0%A4%A.js",
      "/_next/static/",
      "/_next/image?url=/a.js",
      "/api/v1/summary",
      undefined,
    ]) {
      expect(staticFile(url, root), String(url)).toBeNull();
    }
  });

  it("leaves to Next the kinds of file it has no copies of", () => {
    expect(staticFile("/_next/static/media/font.woff2", root)).toBeNull();
    expect(staticFile("/_next/static/chunks/a.js.br", root)).toBeNull();
  });
});
