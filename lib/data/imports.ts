import { createHash, randomUUID } from "node:crypto";
import { AppError } from "../errors";
import { parseCanonicalCsv } from "../import/canonical-csv";
import { ImportFileError } from "../import/import-file-error";
import type { ImportError, ImportSummary } from "../views";
import { db } from "./db";
import { ImportWriter, type ScanRowInput } from "./import-writer";
import { refreshPlannerStatistics, withWriteTransaction } from "./sql-session";
import { recomputeServers, refreshOrganizationCounts } from "./status-recompute";

export interface ImportProgress {
  phase: "reading" | "writing" | "computing";
  rows: number;
  bytes: number;
  /** while computing: servers whose status is re-derived so far, of serversTotal */
  servers?: number;
  serversTotal?: number;
}

export interface ImportInput {
  body: AsyncIterable<Uint8Array>;
  fileName: string | null;
  origin: "api" | "upload" | "demo";
  tokenId?: number | null;
  maxBytes: number;
  onProgress?: (p: ImportProgress) => void;
  now?: Date;
}

const BATCH = 2000;
// PostgreSQL plans from statistics that a large import makes stale (autovacuum catches up
// only later): refresh them at once so the next page loads use the indexes well.
const ANALYZE_AFTER_ROWS = 50_000;
const MAX_STORED_ERRORS = 1000;

class Duplicate extends Error {}


/**
 * Imports one scan file: all of it in one transaction, or nothing. The body is hashed as
 * it streams; when the same bytes were imported before, everything is rolled back and
 * the earlier import is answered with duplicate: true.
 */
export async function importScanFile(input: ImportInput): Promise<ImportSummary> {
  const now = input.now ?? new Date();
  const hash = createHash("sha256");
  let bytes = 0;
  let rows = 0;
  let lastReport = 0;
  const report = (phase: ImportProgress["phase"], force = false, servers?: { done: number; total: number }): boolean => {
    const t = Date.now();
    if (!input.onProgress || (!force && t - lastReport < 200)) return false;
    lastReport = t;
    input.onProgress({ phase, rows, bytes, ...(servers ? { servers: servers.done, serversTotal: servers.total } : {}) });
    return true;
  };
  // On SQLite the recompute runs synchronously chunk after chunk: after a progress line,
  // give the event loop a turn so it reaches the client.
  const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of input.body) {
      bytes += chunk.byteLength;
      if (bytes > input.maxBytes) {
        throw new AppError(413, "payload_too_large", `The file is larger than the limit of ${Math.round(input.maxBytes / 1048576)} MB.`);
      }
      hash.update(chunk);
      report("reading");
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }

  const errors: ImportError[] = [];
  let rejected = 0;
  let digest = "";
  try {
    const summary = await withWriteTransaction(async (s) => {
      const [pending] = await s.all<{ id: number }>(
        `INSERT INTO "Import" ("fileName", "fileHash", "format", "bytes", "rows", "accepted", "rejected", "serversCreated", "serversUpdated", "errors", "source", "tokenId", "createdAt") VALUES (?, ?, 'canonical-csv', 0, 0, 0, 0, 0, 0, '[]', ?, ?, ?) RETURNING "id"`,
        [input.fileName, `pending:${randomUUID()}`, input.origin, input.tokenId ?? null, now],
      );
      const importId = Number(pending.id);
      const writer = new ImportWriter(s, importId, "canonical", now);
      let batch: ScanRowInput[] = [];
      let inflight: Promise<void> = Promise.resolve();
      try {
        for await (const rec of parseCanonicalCsv(counted(), { now })) {
          rows++;
          if ("error" in rec) {
            rejected++;
            if (errors.length < MAX_STORED_ERRORS) errors.push({ line: rec.line, message: rec.error });
            continue;
          }
          batch.push(rec.row);
          if (batch.length >= BATCH) {
            // One batch in flight: the database writes it while the next one is parsed.
            await inflight;
            inflight = writer.writeBatch(batch);
            inflight.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
            batch = [];
            report("writing");
          }
        }
        await inflight;
      } catch (err) {
        if (err instanceof ImportFileError) throw new AppError(err.code === "empty_file" ? 400 : 422, err.code, err.message, err.details);
        throw err;
      }
      await writer.writeBatch(batch);
      const total = writer.touchedServers.size;
      report("computing", true, { done: 0, total });
      await yieldToEventLoop();
      const orgs = await recomputeServers(s, writer.touchedServers, async (done) => {
        if (report("computing", false, { done, total })) await yieldToEventLoop();
      });
      await refreshOrganizationCounts(s, orgs);

      const summary: ImportSummary = {
        id: importId,
        format: "canonical-csv",
        fileName: input.fileName,
        rows,
        accepted: rows - rejected,
        rejected,
        serversCreated: writer.createdServers.size,
        serversUpdated: writer.touchedServers.size - writer.createdServers.size,
        errors,
        duplicate: false,
      };
      digest = hash.digest("hex");
      const taken = await s.all(`SELECT "id" FROM "Import" WHERE "fileHash" = ?`, [digest]);
      if (taken.length) throw new Duplicate();
      await s.run(
        `UPDATE "Import" SET "fileHash" = ?, "bytes" = ?, "rows" = ?, "accepted" = ?, "rejected" = ?, "serversCreated" = ?, "serversUpdated" = ?, "errors" = ? WHERE "id" = ?`,
        [digest, bytes, summary.rows, summary.accepted, rejected, summary.serversCreated, summary.serversUpdated, JSON.stringify(errors), importId],
      );
      return summary;
    });
    if (summary.accepted >= ANALYZE_AFTER_ROWS) await refreshPlannerStatistics();
    return summary;
  } catch (err) {
    if (err instanceof Duplicate) return { ...(await getImportByHash(digest))!, duplicate: true };
    if (digest && isUniqueViolation(err)) {
      // A concurrent upload of the same bytes committed first.
      const existing = await getImportByHash(digest);
      if (existing) return { ...existing, duplicate: true };
    }
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

export async function getImportByHash(fileHash: string): Promise<ImportSummary | null> {
  const row = await db.import.findUnique({ where: { fileHash } });
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
    errors: JSON.parse(row.errors) as ImportError[],
    duplicate: false,
  };
}
