// One import, for real: the whole of it in one write transaction on a connection of its own (see sql-write-transaction.ts),
// with what it did to each server's status recorded beside it.
import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import type { Access } from "../../domain/access";
import { formatInfo } from "../../import/formats";
import type { ImportSummary } from "../../views";
import { recordAudit } from "../accounts/audit";
import { campaignsIn } from "../campaigns/registry";
import { importChunkSize, recomputeServers } from "../fleet/status-recompute";
import { analyzeGrownTables, refreshPlannerStatistics, withWriteTransaction } from "../sql-write-transaction";
import { ChangeRecorder, recordImportOrganizations } from "./import-changes";
import type { JobReader } from "./import-job";
import { findImport, importScopeKey, isUniqueViolation } from "./import-scope";
import { ImportWriter } from "./import-writer";
import { bindPendingMappings } from "./mappings";
import { enqueueImportEvents } from "../webhooks/enqueue";

export interface CommitContext {
  access: Access;
  origin: "api" | "upload" | "demo";
  tokenId: number | null;
  now: Date;
}

// PostgreSQL plans from statistics that a large import makes stale (autovacuum catches up
// only later): refresh them at once so the next page loads use the indexes well.
const ANALYZE_AFTER_ROWS = 50_000;

class Duplicate extends Error {}

/** Reads and stores the import; answers its summary, or the earlier import's when the same bytes were imported before. */
export async function commitImport(reader: JobReader, ctx: CommitContext): Promise<ImportSummary> {
  const { access, now } = ctx;
  let digest = "";
  let scopeKey = "";
  let scansWritten = 0;
  try {
    const summary = await withWriteTransaction(async (s) => {
      const [pending] = await s.all<{ id: number }>(
        `INSERT INTO "Import" ("fileName", "fileHash", "format", "bytes", "rows", "accepted", "rejected", "serversCreated", "serversUpdated", "errors", "source", "tokenId", "uploadedBy", "createdAt") VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, '[]', ?, ?, ?, ?) RETURNING "id"`,
        [reader.label(), `pending:${randomUUID()}`, reader.format, ctx.origin, ctx.tokenId, access.actor.label.slice(0, 320), now],
      );
      const importId = Number(pending.id);
      const writer = new ImportWriter(s, importId, formatInfo(reader.format).source, now, access.organizationIds);
      const { rows, rejected, errors } = await reader.readRows((batch) => writer.writeBatch(batch));
      scansWritten = writer.scansWritten;
      // The same bytes into the same organizations were imported before: answered with that import, before the
      // re-derive (most of an import's time), and rolled back. The scope is the organizations of the rows written
      // (the writer has refused any the caller may not write, so they are all theirs to see).
      digest = reader.digest();
      scopeKey = importScopeKey(access, writer.touchedOrganizations);
      const taken = await s.all(`SELECT "id" FROM "Import" WHERE "fileHash" = ? AND "scopeKey" = ?`, [digest, scopeKey]);
      if (taken.length) throw new Duplicate();

      await analyzeGrownTables(s, { Server: writer.createdServers.size, Scan: scansWritten, Indicator: writer.indicatorsWritten });
      const touched = writer.touchedServers;
      const total = touched.size;
      reader.report("computing", true, { done: 0, total });
      // On SQLite the recompute runs synchronously chunk after chunk: after a progress line, a turn of the event loop
      // lets it reach the client.
      await setImmediate();
      const recorder = new ChangeRecorder(importId);
      const { organizations: orgs } = await recomputeServers(s, touched, await campaignsIn(s), {
        onProgress: async (done) => {
          if (reader.report("computing", false, { done, total })) await setImmediate();
        },
        changedFrom: writer.changedFrom,
        created: writer.createdServers,
        chunkSize: importChunkSize(scansWritten, total),
        recordChanges: recorder.record,
      });
      const changes = recorder.counts;
      // Webhook events (new compromises, roll-backs) commit with the import, or not at all.
      await enqueueImportEvents(s, importId, reader.label(), now);
      // One that wrote nowhere is seen by whoever sees all the uploader's organizations (or, unlimited, by everyone unlimited).
      await recordImportOrganizations(s, importId, orgs.size > 0 ? orgs : (access.organizationIds ?? []));

      const summary: ImportSummary = {
        id: importId,
        format: reader.format,
        fileName: reader.label(),
        rows,
        accepted: rows - rejected,
        rejected,
        serversCreated: writer.createdServers.size,
        serversUpdated: touched.size - writer.createdServers.size,
        indicators: writer.indicatorsWritten,
        errors,
        duplicate: false,
        changes,
        newOrganizations: [...writer.newOrganizations.values()],
      };
      await s.run(
        `UPDATE "Import" SET "fileName" = ?, "fileHash" = ?, "scopeKey" = ?, "bytes" = ?, "rows" = ?, "accepted" = ?, "rejected" = ?, "serversCreated" = ?, "serversUpdated" = ?, "indicators" = ?, "errors" = ?, "newCompromises" = ?, "worsened" = ?, "improved" = ?, "unchanged" = ? WHERE "id" = ?`,
        [
          summary.fileName, digest, scopeKey, reader.bytes, summary.rows, summary.accepted, rejected, summary.serversCreated, summary.serversUpdated, summary.indicators,
          JSON.stringify(errors), changes["new-compromise"], changes.worsened, changes.improved, changes.unchanged, importId,
        ],
      );
      return summary;
    });
    if (summary.accepted >= ANALYZE_AFTER_ROWS) await refreshPlannerStatistics(scansWritten);
    // The import may have created the organization a saved mapping is fixed to.
    if (summary.serversCreated > 0) await bindPendingMappings();
    await auditUpload(access, summary, digest);
    return summary;
  } catch (err) {
    if (err instanceof Duplicate) {
      const earlier = { ...(await findImport(digest, scopeKey))!, duplicate: true };
      await auditUpload(access, earlier, digest);
      return earlier;
    }
    if (scopeKey && isUniqueViolation(err)) {
      // A concurrent upload of the same bytes into the same organizations committed first.
      const existing = await findImport(digest, scopeKey);
      if (existing) return { ...existing, duplicate: true };
    }
    throw err;
  }
}

function auditUpload(access: Access, summary: ImportSummary, fileHash: string): Promise<void> {
  const { id, format, rows, accepted, rejected, serversCreated, serversUpdated, indicators, duplicate } = summary;
  const detail = { importId: id, fileHash, format, rows, accepted, rejected, serversCreated, serversUpdated, indicators, duplicate };
  return recordAudit(access, "upload", summary.fileName, detail);
}
