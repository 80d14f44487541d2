import { rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

/** Per-column presentation settings, typed through the features' columnMeta slot. */
export interface DataColumnMeta {
  /** numbers: right-aligned, tabular figures */
  numeric?: boolean;
  /** extra classes for the column's cells */
  cellClassName?: string;
}

/**
 * The server owns sorting, filtering and pagination (state in the URL); the table only
 * needs the sorting and pagination APIs, no client row models.
 */
export const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: {} as DataColumnMeta,
});

export type Features = typeof features;
