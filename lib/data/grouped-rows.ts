// Many small rows per server (its scans, its spans), as tuples grouped by server. On SQLite one row per server holding
// a JSON array (json_group_array): building a JavaScript object per row cost more than the query itself, and one JSON
// text per server parses several times faster. On PostgreSQL plain rows as arrays (rowMode "array"): there json_agg
// cost the database about twice the plain read, and the recompute's reads are most of its work.
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
  if (s.tuples) return fromRows<T>(s.tuples, q);
  const order = q.orderBy ? ` ORDER BY ${q.orderBy}` : "";
  const rows = await s.all<{ key: number; tuples: string }>(
    `SELECT "${q.key}" AS "key", json_group_array(json_array(${q.columns.join(", ")})${order}) AS "tuples" FROM "${q.table}" WHERE ${q.where} GROUP BY "${q.key}"`,
    q.params,
  );
  return new Map(rows.map((r) => [Number(r.key), JSON.parse(r.tuples) as T[]]));
}

// PostgreSQL: plain rows, ordered by key and then within the group, grouped here.
async function fromRows<T extends unknown[]>(tuples: NonNullable<SqlSession["tuples"]>, q: GroupedQuery): Promise<Map<number, T[]>> {
  const order = q.orderBy ? `, ${q.orderBy}` : "";
  const rows = await tuples(`SELECT "${q.key}", ${q.columns.join(", ")} FROM "${q.table}" WHERE ${q.where} ORDER BY "${q.key}"${order}`, q.params);
  const byKey = new Map<number, T[]>();
  for (const row of rows) {
    const key = Number(row[0]);
    const tuple = row.slice(1) as T;
    const list = byKey.get(key);
    if (list) list.push(tuple);
    else byKey.set(key, [tuple]);
  }
  return byKey;
}
