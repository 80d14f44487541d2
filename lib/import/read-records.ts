// Turns one import job (a file, a zip, or a Test-ProxyLogon run's files) into scan rows for the writer, with the
// parser its format needs. Every format ends in the same ScanRowInput, so the writer, the status engine and the
// summary do not care where a scan came from.
import { parseCanonicalCsv } from "./canonical-csv";
import type { CanonicalColumn } from "./csv-header";
import { readCsvPreview } from "./csv-preview";
import { MAPPING_FIELDS } from "./mapping-fields";
import type { ScanFormat } from "./detect-format";
import { ImportFileError } from "./import-file-error";
import { MAX_ORGANIZATION_CHARS } from "./limits";
import type { ObservationRecord, ScanObservation } from "./observation";
import { parseHealthChecker } from "./parsers/health-checker";
import { parseNessusCsv } from "./parsers/nessus-csv";
import { parseNmapXml } from "./parsers/nmap-xml";
import { parseTestProxyLogon, type TestProxyLogonFile } from "./parsers/test-proxylogon";
import type { DetectedFile, ImportJob } from "./plan-imports";
import type { ScanRowInput } from "./scan-row";
import { hasNul, withoutNul } from "./stored-text";
import { zipEntries } from "./zip-entries";

import { formatInfo, type ImportFormat } from "./formats";

export type { ImportFormat };


export interface ColumnMappingSpec {
  columns: Partial<Record<CanonicalColumn, string>>;
  fixed?: { organization?: string; scannedAt?: Date };
}

export interface ReadOptions {
  /** the upload's organization= : wins over what the file says */
  organization: string | null;
  /** the upload's scannedAt= : wins over the file's own time */
  scannedAt: Date | null;
  /** the time of upload: the scan time when neither the upload nor the file gives one (a Health Checker report is rejected instead) */
  now: Date;
  /** ?format= ; "auto" detects from the content */
  format: ImportFormat | "auto";
  mapping: ColumnMappingSpec | null;
}

export type RowRecord = { line: number; row: ScanRowInput } | { line: number; error: string };

const DELIMITED: ReadonlySet<ScanFormat> = new Set(["canonical-csv", "unknown-csv", "nessus-csv"]);

/** The format a job is read as, or why it cannot be read. */
export function resolveFormat(first: DetectedFile, options: Pick<ReadOptions, "format" | "mapping">): { format: ImportFormat; zip: boolean } {
  const zip = first.format === "zip";
  if (options.format !== "auto") {
    if (options.format === "mapped-csv" && !options.mapping) {
      throw new ImportFileError("mapping_required", "format=mapped-csv needs a column mapping: give mapping=NAME (see GET /api/v1/mappings).");
    }
    return { format: options.format, zip };
  }
  if (zip) return { format: "test-proxylogon", zip };
  if (first.format === null) throw first.unrecognized!;
  if (options.mapping && DELIMITED.has(first.format)) return { format: "mapped-csv", zip };
  if (first.format === "unknown-csv") throw unmappedHeader(first);
  return { format: first.format as ImportFormat, zip };
}

export async function* readImportRecords(job: ImportJob, format: ImportFormat, zip: boolean, options: ReadOptions): AsyncGenerator<RowRecord> {
  const organization = options.organization?.trim() || null;
  // Formats whose files name no organization cannot be stored anywhere without organization=.
  if (formatInfo(format).needsOrganization && organization === null) throw organizationRequired(format);
  if (format === "canonical-csv" || format === "mapped-csv") {
    const overrides = { organization: organization ?? undefined, scannedAt: options.scannedAt ?? undefined };
    const mapping = format === "mapped-csv" ? options.mapping : null;
    // Only Test-ProxyLogon jobs have several files; the others are one file by construction.
    // The importer hands Buffers on (see counted() in lib/data/imports/imports.ts).
    yield* parseCanonicalCsv(job.first.stream as AsyncIterable<Buffer>, { now: options.now, mapping: mapping ?? undefined, overrides });
    return;
  }
  const records = observationRecords(job, format, zip, options);
  for await (const record of records) {
    if ("error" in record) yield record;
    else yield { line: record.line, row: toRow(record.observation, organization, options) };
  }
}

function observationRecords(job: ImportJob, format: ImportFormat, zip: boolean, options: ReadOptions): AsyncIterable<ObservationRecord> {
  const scannedAt = options.scannedAt;
  if (format === "test-proxylogon") return parseTestProxyLogon(proxyLogonFiles(job, zip), { scannedAt: scannedAt ?? options.now });
  const stream = job.first.stream;
  // Health Checker puts the time it ran in the file's name: it decides a ReportDate whose locale is unknown.
  if (format === "health-checker") return parseHealthChecker(stream, { scannedAt, fileName: job.first.name });
  if (format === "nmap-xml") return parseNmapXml(stream, { scannedAt });
  return parseNessusCsv(stream, { scannedAt });
}

async function* proxyLogonFiles(job: ImportJob, zip: boolean): AsyncGenerator<TestProxyLogonFile> {
  for await (const file of job.files) {
    if (zip || file.format === "zip") {
      for await (const entry of zipEntries(file.stream)) yield { name: entry.name, stream: entry.stream as AsyncIterable<Uint8Array | string> };
    } else {
      yield { name: file.name ?? "upload", stream: file.stream };
    }
  }
}

function toRow(o: ScanObservation, organization: string | null, options: ReadOptions): ScanRowInput {
  const org = organization ?? o.organization?.trim() ?? null;
  if (!org) throw organizationRequired(null);
  // The file's own (Health Checker's Organization): organization= is checked with the upload's options.
  if (org.length > MAX_ORGANIZATION_CHARS) {
    throw new ImportFileError(
      "organization_too_long",
      `The file's organization is longer than ${MAX_ORGANIZATION_CHARS} characters; give one with organization=NAME.`,
    );
  }
  // A NUL the tool's file holds is kept as U+FFFD: a finding must not be lost, and PostgreSQL stores no NUL.
  return {
    organization: withoutNul(org),
    hostname: withoutNul(o.hostname),
    ipAddress: o.ipAddress === null ? null : withoutNul(o.ipAddress),
    build: o.build,
    scannedAt: options.scannedAt ?? o.scannedAt ?? options.now,
    indicators: [],
    mitigation: o.mitigation,
    patchEvidence: o.online ? o.patchEvidence : "offline",
    toolVerdict: o.toolVerdict,
    logAgeDays: o.compromiseCheck?.logAgeDays ?? null,
    signals: (o.signals ?? []).map(withoutNul),
    findings: o.indicators.map((f) => (hasNul(f.type) || hasNul(f.detail) ? { ...f, type: withoutNul(f.type), detail: withoutNul(f.detail) } : f)),
  };
}

function organizationRequired(format: ImportFormat | null): ImportFileError {
  const which = format === null ? "Some servers in this file name no organization" : `${formatInfo(format).name} files name no organization`;
  return new ImportFileError(
    "organization_required",
    `${which}: give one with organization=NAME (a query parameter or form field; on the upload page, the Organization field). A new name creates the organization.`,
  );
}



function unmappedHeader(file: DetectedFile): ImportFileError {
  const preview = readCsvPreview(file.head);
  const header = preview?.header ?? [];
  return new ImportFileError(
    "unmapped_header",
    `The header of ${file.name ? `“${file.name}”` : "this file"} is not one Patchboard knows (${header.slice(0, 12).join(", ")}). ` +
      "Map its columns to Patchboard's with a column mapping: mapping=NAME (POST /api/v1/mappings creates one), or on the upload page.",
    { fileName: file.name, header, delimiter: preview?.delimiter ?? ",", preview: preview?.rows ?? [], fields: MAPPING_FIELDS },
  );
}
