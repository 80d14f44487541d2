// The MSP's branding on client reports: its name and logo, one row (id 1) in Branding. Anyone signed in reads it
// (it heads the reports they may download); admins change it, audited. The logo is checked by its bytes
// (lib/domain/reports/logo.ts) and stored with the type they prove.
import { AppError } from "../../errors";
import { can, type Access } from "../../domain/access";
import { checkLogo, type LogoType } from "../../domain/reports/logo";
import type { ReportBranding } from "../../domain/reports/client-report";
import { brandingSettings } from "../../zod/branding";
import { recordAudit } from "../accounts/audit";
import { db } from "../db";
import { withWriteTransaction } from "../sql-write-transaction";

const ROW = 1;
const LOGO_TYPES: readonly string[] = ["image/png", "image/jpeg"] satisfies LogoType[];

/** The name and logo as stored; an empty branding before an admin sets one. */
export async function getBranding(): Promise<ReportBranding> {
  const row = await db.branding.findUnique({ where: { id: ROW } });
  const logo = row?.logo && row.logoType && LOGO_TYPES.includes(row.logoType) ? { contentType: row.logoType as LogoType, bytes: new Uint8Array(row.logo) } : null;
  return { name: row?.name ?? null, logo };
}

function requireAdmin(access: Access) {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only an admin can change the branding.");
}

// Through the writer queue, as every write: on SQLite a write from Prisma's own connection would wait for an import.
async function upsert(columns: { name?: string | null; logo?: Uint8Array | null; logoType?: string | null }) {
  const names = Object.keys(columns) as (keyof typeof columns)[];
  const values = names.map((k) => {
    const v = columns[k];
    return v instanceof Uint8Array ? Buffer.from(v) : (v ?? null);
  });
  const now = new Date();
  await withWriteTransaction((s) =>
    s.run(
      `INSERT INTO "Branding" ("id", ${names.map((n) => `"${n}"`).join(", ")}, "updatedAt") VALUES (?, ${names.map(() => "?").join(", ")}, ?) ` +
        `ON CONFLICT ("id") DO UPDATE SET ${names.map((n) => `"${n}" = excluded."${n}"`).join(", ")}, "updatedAt" = excluded."updatedAt"`,
      [ROW, ...values, now],
    ),
  );
}

/** Sets the MSP's name (an empty one clears it); admins only. Returns the name saved. */
export async function updateBrandingName(access: Access, input: unknown): Promise<string | null> {
  requireAdmin(access);
  const { name } = brandingSettings.parse({ name: input });
  const current = await getBranding();
  if (current.name === name) return name;
  await upsert({ name });
  await recordAudit(access, "settings_update", null, { brandingName: { from: current.name, to: name } });
  return name;
}

/** Stores a new logo after checking its bytes: PNG or JPEG by signature, at most 256 KB; admins only. */
export async function setBrandingLogo(access: Access, bytes: Uint8Array): Promise<{ contentType: LogoType; bytes: number }> {
  requireAdmin(access);
  const checked = checkLogo(bytes);
  if (!checked.ok) throw new AppError(checked.code === "logo_too_large" ? 413 : 422, checked.code, checked.message);
  await upsert({ logo: bytes, logoType: checked.type });
  await recordAudit(access, "settings_update", null, { brandingLogo: { type: checked.type, bytes: bytes.length } });
  return { contentType: checked.type, bytes: bytes.length };
}

/** Removes the logo; admins only. */
export async function removeBrandingLogo(access: Access): Promise<void> {
  requireAdmin(access);
  const current = await getBranding();
  if (!current.logo) return;
  await upsert({ logo: null, logoType: null });
  await recordAudit(access, "settings_update", null, { brandingLogo: { removed: true } });
}

/** The logo as a data URL for a page's <img> (the pages' CSP allows data: images), or null. */
export function logoDataUrl(branding: ReportBranding): string | null {
  return branding.logo ? `data:${branding.logo.contentType};base64,${Buffer.from(branding.logo.bytes).toString("base64")}` : null;
}
