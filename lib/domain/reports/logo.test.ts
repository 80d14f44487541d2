import { describe, expect, it } from "vitest";
import { checkLogo, logoTypeOf, MAX_LOGO_BYTES } from "./logo";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const text = (s: string) => new TextEncoder().encode(s);

describe("the logo check", () => {
  it("knows PNG and JPEG by their bytes", () => {
    expect(logoTypeOf(png)).toBe("image/png");
    expect(logoTypeOf(jpeg)).toBe("image/jpeg");
  });

  it("refuses SVG, HTML, GIF and a PNG signature without its header chunk", () => {
    expect(logoTypeOf(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(logoTypeOf(text("<html><body>hi</body></html>"))).toBeNull();
    expect(logoTypeOf(text("GIF89a......"))).toBeNull();
    expect(logoTypeOf(png.subarray(0, 10))).toBeNull();
  });

  it("refuses an empty file and one over 256 KB", () => {
    expect(checkLogo(new Uint8Array())).toMatchObject({ ok: false, code: "logo_empty" });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    expect(checkLogo(big)).toMatchObject({ ok: false, code: "logo_too_large" });
    expect(checkLogo(png)).toEqual({ ok: true, type: "image/png" });
  });
});
