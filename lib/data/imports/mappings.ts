// Saved column mappings: how to read a CSV whose header Patchboard does not know. Writes go through the
// import writer's queue (withWriteTransaction) so that saving one never waits on a running import's lock.
//
// Who may use which: a mapping with a fixed organization belongs to that organization (it lands every row
// there), so only callers who may write it see, use or delete it. A mapping without one reads the organization
// from the file: it is shared with everyone who uploads (the import writer still refuses a file naming an
// organization the caller may not write), and only callers who may write every organization make or delete it.
// A mapping fixed to an organization that does not exist yet is unbound until one of that name does: only
// unrestricted callers (who alone can create organizations) see it until then.
import { can, type Access } from "../../domain/access";
import { nameKey } from "../../domain/slug";
import { AppError, notFound } from "../../errors";
import { readCsvPreview } from "../../import/csv-preview";
import { headerKey, mappingFits, type ColumnMapping } from "../../import/mapped-csv";
import type { ColumnMappingSpec } from "../../import/read-records";
import type { ColumnMappingView } from "../../views";
import { recordAudit } from "../accounts/audit";
import { db } from "../db";
import { withWriteTransaction } from "../sql-write-transaction";

/** How an upload says which mapping to use: a saved one by name, or one given with the upload (and maybe saved). */
export type MappingChoice = { name: string } | { spec: ColumnMappingSpec; saveAs?: string | null };

type Scope = { organizationId: number | null; fixedOrganization: string | null };
type MappingRow = Scope & { name: string; columns: string; fixedScannedAt: Date | null; createdAt: Date; organization: { name: string } | null };

const WITH_ORGANIZATION = { organization: { select: { name: true } } } as const;
const MAX_NAMES = 50;

// The same words whether the organization exists or not, and without its name: a limited caller learns nothing.
const FORBIDDEN_ORGANIZATION = "A mapping can fix only an organization you may upload scans for. Nothing was saved.";

/** The mappings a caller may see and use: all for unrestricted callers; else their organizations' and shared ones. */
function visibleMappings(access: Access) {
  const allowed = access.organizationIds;
  if (allowed === null) return {};
  return { OR: [{ organizationId: { in: allowed } }, { organizationId: null, fixedOrganization: null }] };
}

const sees = (access: Access, m: Scope) =>
  access.organizationIds === null || (m.organizationId === null ? m.fixedOrganization === null : access.organizationIds.includes(m.organizationId));

/** Whether the caller may write every organization the mapping touches (a shared one touches any). */
const mayChange = (access: Access, m: Scope) => access.organizationIds === null || (m.organizationId !== null && access.organizationIds.includes(m.organizationId));

/** The fixed organization's name: the organization's own once bound (it is the record), else as it was given. */
const fixedName = (row: MappingRow) => row.organization?.name ?? row.fixedOrganization;

function toView(row: MappingRow): ColumnMappingView {
  const fixed: ColumnMappingView["fixed"] = {};
  const organization = fixedName(row);
  if (organization) fixed.organization = organization;
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

// Client viewers do not upload, so they have no use for mappings.
function assertWriter(access: Access) {
  if (!can.write(access)) throw new AppError(403, "forbidden", "Client viewers cannot use column mappings.");
}

export async function listMappings(access: Access): Promise<ColumnMappingView[]> {
  assertWriter(access);
  const rows = await db.columnMapping.findMany({ where: visibleMappings(access), include: WITH_ORGANIZATION, orderBy: { name: "asc" } });
  return rows.map(toView);
}

/** A mapping the caller may see; one they may not is answered exactly like a missing one. */
export async function getMapping(access: Access, name: string): Promise<ColumnMappingView> {
  assertWriter(access);
  const row = await db.columnMapping.findFirst({ where: { name, ...visibleMappings(access) }, include: WITH_ORGANIZATION });
  if (!row) throw notFound(`Mapping “${name}”`);
  return toView(row);
}

export async function createMapping(access: Access, input: ColumnMapping, header: string[] | null = null): Promise<ColumnMappingView> {
  assertWriter(access);
  const allowed = access.organizationIds;
  const given = input.fixed?.organization?.trim() || null;
  if (given === null && allowed !== null) {
    throw new AppError(
      403,
      "mapping_needs_organization",
      "A mapping without a fixed organization reads it from the file and is shared with everyone who uploads: only callers who may upload for every organization can save one. Give it the organization of the file (one of yours), or import without saving the mapping.",
    );
  }
  const now = new Date();
  type Outcome = { forbidden: true } | { taken: Scope } | { id: number; organization: string | null };
  const outcome = await withWriteTransaction(async (s): Promise<Outcome> => {
    let organization: { id: number; name: string } | null = null;
    if (given !== null) {
      const [found] = await s.all<{ id: number; name: string }>(`SELECT "id", "name" FROM "Organization" WHERE "nameKey" = ?`, [nameKey(given)]);
      organization = found ? { id: Number(found.id), name: found.name } : null;
      if (allowed !== null && (!organization || !allowed.includes(organization.id))) return { forbidden: true };
    }
    const [taken] = await s.all<{ organizationId: number | null; fixedOrganization: string | null }>(
      `SELECT "organizationId", "fixedOrganization" FROM "ColumnMapping" WHERE "name" = ?`,
      [input.name],
    );
    if (taken) return { taken: { organizationId: taken.organizationId === null ? null : Number(taken.organizationId), fixedOrganization: taken.fixedOrganization } };
    const [created] = await s.all<{ id: number }>(
      `INSERT INTO "ColumnMapping" ("name", "columns", "organizationId", "fixedOrganization", "fixedScannedAt", "headerKey", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING "id"`,
      [input.name, JSON.stringify(input.columns), organization?.id ?? null, organization?.name ?? given, input.fixed?.scanned_at ?? null, header ? headerKey(header) : null, now],
    );
    return { id: Number(created.id), organization: organization?.name ?? given };
  });
  if ("forbidden" in outcome) throw new AppError(403, "organization_forbidden", FORBIDDEN_ORGANIZATION);
  if ("taken" in outcome) throw nameTaken(access, input.name, outcome.taken);
  await recordAudit(access, "mapping_create", { type: "mapping", id: outcome.id, label: input.name }, { columns: input.columns, organization: outcome.organization });
  return getMapping(access, input.name);
}

// Names are unique across tenants, so one name always means one mapping. To a caller who may not see or change
// the mapping holding it, the answer says only that this exact name is in use: not whose, nor for which organization.
function nameTaken(access: Access, name: string, holder: Scope): AppError {
  const message = mayChange(access, holder)
    ? `A mapping named “${name}” already exists. Choose another name, or delete it first (DELETE /api/v1/mappings/${name}).`
    : `The mapping name “${name}” is taken. Choose another name.`;
  return new AppError(409, "mapping_exists", message);
}

export async function deleteMapping(access: Access, name: string): Promise<void> {
  assertWriter(access);
  const outcome = await withWriteTransaction(async (s) => {
    const [row] = await s.all<{ id: number; organizationId: number | null; fixedOrganization: string | null; organizationName: string | null }>(
      `SELECT m."id", m."organizationId", m."fixedOrganization", o."name" AS "organizationName" FROM "ColumnMapping" m LEFT JOIN "Organization" o ON o."id" = m."organizationId" WHERE m."name" = ?`,
      [name],
    );
    const scope = row ? { organizationId: row.organizationId === null ? null : Number(row.organizationId), fixedOrganization: row.fixedOrganization } : null;
    if (!scope || !sees(access, scope)) return "missing" as const;
    if (!mayChange(access, scope)) return "shared" as const;
    await s.run(`DELETE FROM "ColumnMapping" WHERE "id" = ?`, [row.id]);
    return { id: Number(row.id), organization: row.organizationName ?? row.fixedOrganization };
  });
  if (outcome === "missing") throw notFound(`Mapping “${name}”`);
  if (outcome === "shared") {
    throw new AppError(403, "forbidden", "This mapping is shared with everyone who uploads: only callers who may upload for every organization can delete it.");
  }
  await recordAudit(access, "mapping_delete", { type: "mapping", id: outcome.id, label: name }, { organization: outcome.organization });
}

/** Saved mappings the caller may use that can read a file with this header; the ones made for this very header first. */
export async function fittingMappings(access: Access, header: string[]): Promise<(ColumnMappingView & { exact: boolean })[]> {
  const key = headerKey(header);
  const rows = await db.columnMapping.findMany({ where: visibleMappings(access), include: WITH_ORGANIZATION, orderBy: { name: "asc" } });
  return rows
    .map((row) => ({ ...toView(row), exact: row.headerKey === key }))
    .filter((view) => mappingFits(view.columns, header))
    .sort((a, b) => Number(b.exact) - Number(a.exact));
}

/** The mapping an upload chose; a saved one the caller may not see is answered exactly like a missing one. */
export async function resolveMapping(access: Access, choice: MappingChoice): Promise<ColumnMappingSpec> {
  if ("spec" in choice) return choice.spec;
  const where = visibleMappings(access);
  const row = await db.columnMapping.findFirst({ where: { name: choice.name, ...where }, include: WITH_ORGANIZATION });
  if (!row) {
    const names = (await db.columnMapping.findMany({ where, select: { name: true }, orderBy: { name: "asc" }, take: MAX_NAMES })).map((m) => m.name);
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

/**
 * Binds mappings fixed to an organization that did not exist when they were saved to the one of that name, once
 * an import has created it: from then on they belong to it like any other. Cheap when there are none (the usual case).
 */
export async function bindPendingMappings(): Promise<void> {
  const pending = await db.columnMapping.findMany({ where: { organizationId: null, fixedOrganization: { not: null } }, select: { id: true, fixedOrganization: true } });
  if (pending.length === 0) return;
  const keys = [...new Set(pending.map((m) => nameKey(m.fixedOrganization!)))];
  const orgs = await db.organization.findMany({ where: { nameKey: { in: keys } }, select: { id: true, name: true, nameKey: true } });
  if (orgs.length === 0) return;
  const byKey = new Map(orgs.map((o) => [o.nameKey, o]));
  await withWriteTransaction(async (s) => {
    for (const m of pending) {
      const org = byKey.get(nameKey(m.fixedOrganization!));
      if (org) await s.run(`UPDATE "ColumnMapping" SET "organizationId" = ?, "fixedOrganization" = ? WHERE "id" = ? AND "organizationId" IS NULL`, [org.id, org.name, m.id]);
    }
  });
}
