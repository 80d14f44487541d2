// Reads a whole ordered list a page at a time, each page continuing after the previous page's last sort key, so
// an export of 100,000 rows holds one page in memory and each query is an index range (see keyset-where.ts).
import { dialect } from "./db";
import { keysetAfter, keyParts, keysetSelect, type Filter, type OrderEntry } from "./keyset-where";

export const KEYSET_PAGE = 500;

export interface KeysetQuery<Row> {
  where: Filter;
  /** the list's order; its last entries must make the key unique (e.g. end with the id) */
  orderBy: OrderEntry[];
  /** dot-joined paths of the order's columns that may be null, e.g. "server.lastScanAt" */
  nullable?: readonly string[];
  select: Filter;
  pageSize?: number;
  /** the model's findMany */
  find: (args: { where: Filter; orderBy: OrderEntry[]; take: number; select: Filter }) => Promise<Row[]>;
}

/** Every row matching `where`, in order, one page (an array) at a time. */
export async function* keysetPages<Row>(query: KeysetQuery<Row>): AsyncGenerator<Row[]> {
  const take = query.pageSize ?? KEYSET_PAGE;
  const parts = keyParts(query.orderBy, query.nullable ?? [], dialect() === "postgres");
  const select = keysetSelect(parts, query.select);
  let last: Row | undefined;
  for (;;) {
    const where = last === undefined ? query.where : { AND: [query.where, keysetAfter(parts, last)] };
    const rows = await query.find({ where, orderBy: query.orderBy, take, select });
    if (rows.length > 0) yield rows;
    if (rows.length < take) return;
    last = rows[rows.length - 1];
  }
}
