import { neutralise } from "./neutralise";

/** A cell as a column gives it: text, a real number, or nothing. */
export type Cell = string | number | null;

/** One column of an export, defined once for both formats. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => Cell;
  /** XLSX column width in characters */
  width?: number;
}

/** A cell for CSV: text neutralised against formulas, numbers as digits, nothing as an empty field. */
export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  return typeof cell === "number" ? String(cell) : neutralise(cell);
}

/** A cell for XLSX: numbers stay numbers (sums and sorting work), text neutralised, nothing as an empty cell. */
export function xlsxCell(cell: Cell): string | number | null {
  if (cell === null || typeof cell === "number") return cell;
  return neutralise(cell);
}

/** Headers are ours, but they pass through the same function: no cell of an export skips it. */
export const headerCells = <Row>(columns: ExportColumn<Row>[]): string[] => columns.map((c) => neutralise(c.header));
