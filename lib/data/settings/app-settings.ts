// App-wide settings (stale threshold, ...): one row each in the Setting table, read with their defaults. Admins
// see every organization, so a setting an admin changes is theirs to change for everyone; each change is audited.
import { AppError } from "../../errors";
import { can, type Access } from "../../domain/access";
import { appSettings, DEFAULT_SETTINGS, type AppSettings } from "../../zod/settings";
import { recordAudit } from "../accounts/audit";
import { db } from "../db";
import { withWriteTransaction } from "../sql-write-transaction";

const PREFIX = "app.";
const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof AppSettings)[];

/** Every setting, stored values over the defaults; a stored value that no longer passes the schema is ignored. */
export async function getAppSettings(): Promise<AppSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: KEYS.map((k) => PREFIX + k) } } });
  const stored = Object.fromEntries(rows.map((r) => [r.key.slice(PREFIX.length), r.value]));
  const parsed = appSettings.safeParse(stored);
  if (parsed.success) return parsed.data;
  const valid: Partial<Record<keyof AppSettings, unknown>> = {};
  for (const key of KEYS) {
    const one = appSettings.shape[key].safeParse(stored[key]);
    if (one.success) valid[key] = one.data;
  }
  return { ...DEFAULT_SETTINGS, ...valid } as AppSettings;
}

/** Changes settings (admins only); returns them all. Validation errors are zod issues naming the field. */
export async function updateAppSettings(access: Access, input: Partial<Record<keyof AppSettings, unknown>>): Promise<AppSettings> {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only an admin can change settings.");
  const current = await getAppSettings();
  const next = appSettings.parse({ ...current, ...input });
  const changed = KEYS.filter((k) => next[k] !== current[k]);
  if (changed.length === 0) return next;
  // Through the writer queue, as every write: on SQLite a write from Prisma's own connection would wait for an import.
  await withWriteTransaction(async (s) => {
    for (const k of changed) {
      await s.run(`INSERT INTO "Setting" ("key", "value") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`, [PREFIX + k, String(next[k])]);
    }
  });
  await recordAudit(access, "settings_update", null, Object.fromEntries(changed.map((k) => [k, { from: current[k], to: next[k] }])));
  return next;
}
