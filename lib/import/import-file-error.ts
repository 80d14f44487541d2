// Codes the canonical CSV parser throws; other importers may add their own.
export type ImportFileErrorCode = "empty_file" | "no_header" | "record_too_large" | "malformed_csv";

/**
 * A whole file is rejected (as opposed to one row): nothing from it should be imported.
 * Pure, so lib/data can map it to an HTTP answer without the parser knowing about HTTP.
 */
export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode | (string & {});
  readonly details?: unknown;

  constructor(code: ImportFileErrorCode | (string & {}), message: string, details?: unknown) {
    super(message);
    this.name = "ImportFileError";
    this.code = code;
    this.details = details;
  }
}
