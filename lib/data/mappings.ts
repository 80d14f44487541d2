// Saved column mappings: how to read a CSV whose header Patchboard does not know. Writes go through the
// import writer's queue (withWriteTransaction) so that saving one never waits on a running import's lock.
import { can, type Access } from "../domain/access";
import { AppError, notFound } from "../errors";
import { recordAudit } from "./audit";
import { readCsvPreview } from "../import/csv-preview";
import { headerKey, mappingFits, type ColumnMapping } from "../import/mapped-csv";
import type { ColumnMappingSpec } from "../import/read-records";
import type { ColumnMappingView } from "../views";
import { db } from "./db";
import { withWriteTransaction } from "./sql-session";

/** How an upload says which mapping to use: a saved one by name, or one given with the upload (and maybe saved). */
export type MappingChoice = { name: string } | { spec: ColumnMappingSpec; saveAs?: string | null };

type MappingRow = { name: string; columns: string; fixedOrganization: string | null; fixedScannedAt: Date | null; createdAt: Date };

function toView(row: MappingRow): ColumnMappingView {
  const fixed: ColumnMappingView["fixed"] = {};
  if (row.fixedOrganization) fixed.organization = row.fixedOrganization;
  if (row.fixedScannedAt) fixed.scanned_at = row.fixedScannedAt.toISOString();
  return { name: row.name, columns: JSON.parse(row.columns) as ColumnMappingView["columns"], fixed, createdAt: row.createdAt.toISOString() };
}

function toSpec(view: ColumnMappingView): ColumnMappingSpec {
  return {
    columns: view.columns,
    fixed: {
      ...(view.fixed.organization ? { organization: view.fixed.organization } : {}),
      ...(view.fixed.scanned_at ? { scannedAt: new Date(view.fixed.scanned_at) } : {}),
    },
  };
}

// Mappings are shared by everyone who uploads; client viewers do not upload.
function assertWriter(access: Access) {
  if (!can.write(access)) throw new AppError(403, "forbidden", "Client viewers cannot use column mappings.");
}

export async function listMappings(access: Access): Promise<ColumnMappingView[]> {
  assertWriter(access);
  const rows = await db.columnMapping.findMany({ orderBy: { name: "asc" } });
  return rows.map(toView);
}

export async function getMapping(access: Access, name: string): Promise<ColumnMappingView> {
  assertWriter(access);
  const row = await db.columnMapping.findUnique({ where: { name } });
  if (!row) throw notFound(`Mapping “${name}”`);
  return toView(row);
}

export async function createMapping(access: Access, input: ColumnMapping, header: string[] | null = null): Promise<ColumnMappingView> {
  assertWriter(access);
  const now = new Date();
  const created = await withWriteTransaction(async (s) => {
    const taken = await s.all(`SELECT "id" FROM "ColumnMapping" WHERE "name" = ?`, [input.name]);
    if (taken.length) return false;
    await s.run(
      `INSERT INTO "ColumnMapping" ("name", "columns", "fixedOrganization", "fixedScannedAt", "headerKey", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
      [input.name, JSON.stringify(input.columns), input.fixed?.organization ?? null, input.fixed?.scanned_at ?? null, header ? headerKey(header) : null, now],
    );
    return true;
  });
  if (!created) {
    throw new AppError(409, "mapping_exists", `A mapping named “${input.name}” already exists. Choose another name, or delete it first (DELETE /api/v1/mappings/${input.name}).`);
  }
  await recordAudit(access, "mapping_create", input.name, { columns: input.columns });
  return getMapping(access, input.name);
}

export async function deleteMapping(access: Access, name: string): Promise<void> {
  assertWriter(access);
  const deleted = await withWriteTransaction((s) => s.run(`DELETE FROM "ColumnMapping" WHERE "name" = ?`, [name]));
  if (deleted === 0) throw notFound(`Mapping “${name}”`);
  await recordAudit(access, "mapping_delete", name);
}

/**
 * Saved mappings that can read a file with this header; the ones made for this very header first. For the import
 * (which has checked the caller may upload): mappings are shared by everyone who uploads, not tenant data.
 */
export async function fittingMappings(header: string[]): Promise<(ColumnMappingView & { exact: boolean })[]> {
  const key = headerKey(header);
  const rows = await db.columnMapping.findMany({ orderBy: { name: "asc" } });
  return rows
    .map((row) => ({ ...toView(row), exact: row.headerKey === key }))
    .filter((view) => mappingFits(view.columns, header))
    .sort((a, b) => Number(b.exact) - Number(a.exact));
}

export async function resolveMapping(choice: MappingChoice): Promise<ColumnMappingSpec> {
  if ("spec" in choice) return choice.spec;
  const row = await db.columnMapping.findUnique({ where: { name: choice.name } });
  if (!row) {
    const names = (await db.columnMapping.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: 50 })).map((m) => m.name);
    throw new AppError(422, "unknown_mapping", `There is no saved mapping named “${choice.name}”.`, { mappings: names });
  }
  return toSpec(toView(row));
}

/** Saves a mapping given with an upload, remembering the header of the file it was made for. */
export async function saveMappingForHeader(access: Access, name: string, spec: ColumnMappingSpec, head: Buffer): Promise<void> {
  const header = readCsvPreview(head)?.header ?? null;
  await createMapping(
    access,
    {
      name,
      columns: spec.columns,
      fixed: {
        ...(spec.fixed?.organization ? { organization: spec.fixed.organization } : {}),
        ...(spec.fixed?.scannedAt ? { scanned_at: spec.fixed.scannedAt } : {}),
      },
    } as ColumnMapping,
    header,
  );
}
