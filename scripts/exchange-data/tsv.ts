// Reading the Exchange source TSVs strictly: a wrong header, a short row or a value that is not what its
// column holds is recorded as a problem with its file and line, so one run reports every defect at once.
import { EXCHANGE_PRODUCTS, type ExchangeProduct } from "../../lib/domain/exchange/data-types";
import { parseBuild } from "../../lib/domain/exchange/build-number";

export class Problems {
  readonly list: string[] = [];
  add(where: string, message: string): void {
    this.list.push(`${where}: ${message}`);
  }
  throwIfAny(): void {
    if (this.list.length > 0) {
      throw new Error(`The Exchange source data has ${this.list.length} problem(s):\n- ${this.list.join("\n- ")}`);
    }
  }
}

export interface TsvRow {
  // "builds.tsv:12", for messages.
  where: string;
  get(column: string): string;
}

export function readTsv(file: string, text: string, columns: readonly string[], problems: Problems): TsvRow[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const header = lines[0]?.split("\t") ?? [];
  if (header.join("\t") !== columns.join("\t")) {
    problems.add(`${file}:1`, `expected the columns ${columns.join(", ")}, found ${header.join(", ") || "nothing"}`);
    return [];
  }
  const rows: TsvRow[] = [];
  lines.slice(1).forEach((line, i) => {
    const where = `${file}:${i + 2}`;
    const fields = line.split("\t");
    if (fields.length !== columns.length) {
      problems.add(where, `expected ${columns.length} tab-separated fields, found ${fields.length}`);
      return;
    }
    if (fields.some((f) => f !== f.trim())) problems.add(where, "a field has leading or trailing spaces");
    rows.push({ where, get: (column) => fields[columns.indexOf(column)] });
  });
  return rows;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

export function checkDate(row: TsvRow, column: string, problems: Problems): string {
  const value = row.get(column);
  if (!isIsoDate(value)) problems.add(row.where, `${column} "${value}" is not a date (YYYY-MM-DD)`);
  return value;
}

// Builds in the tables are four-part and written short (15.1.2176.9), as every source writes them.
export function checkBuild(row: TsvRow, column: string, problems: Problems): string {
  const value = row.get(column);
  const parsed = parseBuild(value);
  if (!parsed || parsed.revision === null || parsed.text !== value) {
    problems.add(row.where, `${column} "${value}" is not a four-part build in short form`);
  }
  return value;
}

// The sources write products as CSS-Exchange does ("Exchange2013", "ExchangeSE"); the app shows "Exchange 2013".
export function productFromId(id: string): ExchangeProduct | null {
  const m = /^Exchange(\d{4}|SE)$/.exec(id);
  const name = m ? `Exchange ${m[1]}` : null;
  return (EXCHANGE_PRODUCTS as readonly string[]).includes(name ?? "") ? (name as ExchangeProduct) : null;
}

export function checkProduct(row: TsvRow, column: string, problems: Problems): ExchangeProduct {
  const value = row.get(column);
  const product = productFromId(value);
  if (!product) problems.add(row.where, `${column} "${value}" is not a known product (${EXCHANGE_PRODUCTS.join(", ")})`);
  return product ?? EXCHANGE_PRODUCTS[0];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface UpdateName {
  name: string;
  kind: "SU" | "HU";
  year: number;
  // 1-12
  month: number;
  // "Aug23SUv2" -> "Aug23SU"; null for an original release.
  reReleaseOf: string | null;
}

// "Mar21SU", "Aug23SUv2", "Apr24HU": the month and two-digit year the update is named after.
export function parseUpdateName(name: string): UpdateName | null {
  const m = /^([A-Z][a-z]{2})(\d{2})(SU|HU)(v\d+)?$/.exec(name);
  const month = m ? MONTHS.indexOf(m[1]) + 1 : 0;
  if (!m || month === 0) return null;
  const base = `${m[1]}${m[2]}${m[3]}`;
  return { name, kind: m[3] as "SU" | "HU", year: 2000 + Number(m[2]), month, reReleaseOf: m[4] ? base : null };
}

// The second Tuesday of the month: Microsoft's monthly security release day.
export function patchTuesday(year: number, month: number): string {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstTuesday = 1 + ((2 - firstWeekday + 7) % 7);
  return new Date(Date.UTC(year, month - 1, firstTuesday + 7)).toISOString().slice(0, 10);
}

export const CVE_ID = /^(CVE-\d{4}-\d{4,}|ADV\d{6})$/;
