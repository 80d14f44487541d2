import { AppError } from "../errors";

/** What an export data function answers: the rows' count (known before streaming) and the rows, a page at a time. */
export interface ExportRows<Row> {
  campaign: string;
  total: number;
  pages: AsyncGenerator<Row[]>;
}

export interface ExportLimits {
  /** the most rows an export may hold */
  maxRows: number;
  /** rows per database query (tests make it small to cross many pages) */
  pageSize?: number;
}

/** Refuses an export over the bound before anything is streamed: the list is counted first. */
export function checkExportSize(total: number, maxRows: number, noun: string): void {
  if (total > maxRows) {
    throw new AppError(
      422,
      "export_too_large",
      `The export would hold ${total} ${noun}, more than the ${maxRows} an export may hold. Narrow it with filters (an organization, a status) or export in parts.`,
      { total, maxRows },
    );
  }
}
