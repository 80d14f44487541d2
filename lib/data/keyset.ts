// Reads a whole ordered list a page at a time, each page continuing after the previous page's last sort key, so
// an export of 100,000 rows holds one page in memory and each query is an index range (see keyset-where.ts).
// The last page may cost one more (empty) query per order column: the price of never using OFFSET.
import { dialect } from "./db";
import { keysetLevels, keyParts, keysetSelect, type Filter, type OrderEntry } from "./keyset-where";

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
  const size = query.pageSize ?? KEYSET_PAGE;
  const parts = keyParts(query.orderBy, query.nullable ?? [], dialect() === "postgres");
  const select = keysetSelect(parts, query.select);
  const find = (where: Filter, take: number) => query.find({ where, orderBy: query.orderBy, take, select });
  let page = await find(query.where, size);
  while (page.length > 0) {
    yield page;
    // A short page was the last (the levels below found every row there was).
    if (page.length < size) return;
    // A page is filled from the levels after its last row, in turn (the ties on the longest prefix first).
    const next: Row[] = [];
    for (const level of keysetLevels(parts, page[page.length - 1])) {
      next.push(...(await find({ AND: [query.where, level] }, size - next.length)));
      if (next.length === size) break;
    }
    page = next;
  }
}
