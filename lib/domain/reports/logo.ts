// The MSP's logo: what an admin may upload, told from the bytes themselves (never from a file name or a declared
// type), so nothing but a PNG or a JPEG is ever stored, and it is served with the type its bytes prove.
export const MAX_LOGO_BYTES = 256 * 1024;

export type LogoType = "image/png" | "image/jpeg";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** The image type the bytes' signature shows, or null for anything else (GIF, SVG, HTML, truncated files). */
export function logoTypeOf(bytes: Uint8Array): LogoType | null {
  // A PNG's signature is followed by its IHDR chunk; a JPEG's SOI by a marker. Both checked, so that eight
  // lucky bytes in front of something else are not enough.
  if (startsWith(bytes, PNG) && bytes.length > 16 && String.fromCharCode(...bytes.subarray(12, 16)) === "IHDR") return "image/png";
  if (startsWith(bytes, JPEG) && bytes.length > 4) return "image/jpeg";
  return null;
}

export type LogoCheck = { ok: true; type: LogoType } | { ok: false; code: "logo_empty" | "logo_too_large" | "logo_type"; message: string };

/** Whether these bytes may be the logo. */
export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, code: "logo_empty", message: "Choose a PNG or JPEG file." };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, code: "logo_too_large", message: `The logo must be at most ${MAX_LOGO_BYTES / 1024} KB.` };
  const type = logoTypeOf(bytes);
  return type ? { ok: true, type } : { ok: false, code: "logo_type", message: "The logo must be a PNG or JPEG image." };
}
