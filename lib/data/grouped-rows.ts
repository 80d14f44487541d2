// Many small rows per server (its scans, its spans), read as one row per server holding a JSON array of tuples:
// json_group_array on SQLite, json_agg on PostgreSQL. For the recompute's reads, building a JavaScript object per
// row cost more than the query itself; one JSON text per server parses several times faster.
import type { SqlSession, SqlValue } from "./sql-session";

export interface GroupedQuery {
  /** the integer column the rows are grouped by, e.g. "serverId" */
  key: string;
  /** SQL expressions, one per tuple element */
  columns: string[];
  table: string;
  /** e.g. `"serverId" IN (...)`, with its params */
  where: string;
  params: SqlValue[];
  /** the order of the tuples within a group */
  orderBy?: string;
}

/** A timestamp column as ISO 8601 text in UTC on either database (SQLite stores it so already). */
export function isoTimestamp(s: SqlSession, column: string): string {
  return s.dialect === "postgres" ? `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : column;
}

/** The tuples by key; keys without rows are absent. */
export async function groupedTuples<T extends unknown[]>(s: SqlSession, q: GroupedQuery): Promise<Map<number, T[]>> {
  const [agg, tuple] = s.dialect === "postgres" ? ["json_agg", "json_build_array"] : ["json_group_array", "json_array"];
  const order = q.orderBy ? ` ORDER BY ${q.orderBy}` : "";
  const rows = await s.all<{ key: number; tuples: string | T[] }>(
    `SELECT "${q.key}" AS "key", ${agg}(${tuple}(${q.columns.join(", ")})${order}) AS "tuples" FROM "${q.table}" WHERE ${q.where} GROUP BY "${q.key}"`,
    q.params,
  );
  // SQLite answers the JSON as text; pg parses it.
  return new Map(rows.map((r) => [Number(r.key), typeof r.tuples === "string" ? (JSON.parse(r.tuples) as T[]) : r.tuples]));
}
