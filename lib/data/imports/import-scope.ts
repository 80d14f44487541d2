// Recognising an upload as one imported before, per scope: the same bytes are a duplicate only of an earlier
// import that wrote to the same organizations. So a tenant never hears of another tenant's import of the same
// file, nor blocks it by uploading first, while an identical re-upload into the same organizations (by anyone who
// may write them) is answered with the earlier import and changes nothing.
import { createHash } from "node:crypto";
import type { Access } from "../../domain/access";
import type { ImportChangeCounts, ImportError, ImportSummary } from "../../views";
import { db } from "../db";

// Keys are indexed with the hash: a long list of organizations (an MSP-wide file) is stored as its digest.
const MAX_PLAIN_KEY = 200;

const sorted = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b).join(",");

/**
 * The scope of an import: the organizations it wrote to, sorted ("orgs:3,7"). One that wrote to none (every row
 * rejected) is placed in the uploader's own scope, so its file name is never answered to another tenant.
 */
export function importScopeKey(access: Access, organizationIds: Iterable<number>): string {
  const orgs = sorted(organizationIds);
  const text = orgs ? `orgs:${orgs}` : `caller:${access.organizationIds === null ? "*" : sorted(access.organizationIds)}`;
  return text.length <= MAX_PLAIN_KEY ? text : `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/** The earlier import of these bytes in this scope, as an upload answers it. */
export async function findImport(fileHash: string, scopeKey: string): Promise<ImportSummary | null> {
  const row = await db.import.findUnique({ where: { fileHash_scopeKey: { fileHash, scopeKey } } });
  if (!row) return null;
  return {
    id: row.id,
    format: row.format,
    fileName: row.fileName,
    rows: row.rows,
    accepted: row.accepted,
    rejected: row.rejected,
    serversCreated: row.serversCreated,
    serversUpdated: row.serversUpdated,
    indicators: row.indicators,
    errors: JSON.parse(row.errors) as ImportError[],
    duplicate: false,
    changes: storedChanges(row),
  };
}

/** The counts stored with an import; null for one made before they were recorded. */
export function storedChanges(row: { newCompromises: number | null; worsened: number | null; improved: number | null; unchanged: number | null }): ImportChangeCounts | null {
  const { newCompromises, worsened, improved, unchanged } = row;
  if (newCompromises === null || worsened === null || improved === null || unchanged === null) return null;
  return { "new-compromise": newCompromises, worsened, improved, unchanged };
}

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
