// Statements over many rows at once, the way each database does them fastest: bulk inserts and updates, a set of rows
// to select from, and a list of ids to match. They run on a session of sql-session.ts.
import type { SqlScalar, SqlSession, SqlValue } from "./sql-session";

/**
 * Splits rows into the batches of one multi-row statement each. On SQLite a prepared
 * statement with thousands of placeholders takes megabytes of native memory, and every
 * distinct batch size is another statement: batches are a few hundred rows, and the
 * remainder goes in power-of-two sizes, so a handful of statements serve any row count.
 * PostgreSQL's unnest() statement is the same text for any size.
 */
export function statementBatches<T>(s: SqlSession, rows: T[], columns: number): T[][] {
  const step = s.dialect === "sqlite" ? 2 ** Math.floor(Math.log2(2000 / columns)) : 5000;
  const batches: T[][] = [];
  let i = 0;
  for (let size = step; i < rows.length; size = Math.max(1, size >> 1)) {
    for (; rows.length - i >= size; i += size) batches.push(rows.slice(i, i + size));
    if (s.dialect === "postgres" && i < rows.length) {
      batches.push(rows.slice(i));
      break;
    }
  }
  return batches;
}

/**
 * A set of rows to select from, with columns named column1..columnN: a VALUES list on
 * SQLite, and on PostgreSQL unnest() of one typed array per column, which is parsed and
 * planned once instead of once per parameter and made bulk writes several times faster.
 */
export function rowsSource(s: SqlSession, types: string[], rows: SqlScalar[][]): { sql: string; params: SqlValue[] } {
  if (s.dialect === "postgres") {
    const columns = types.map((_, c) => rows.map((r) => r[c]));
    const names = types.map((_, c) => `column${c + 1}`).join(", ");
    return { sql: `unnest(${types.map((t) => `?::${t}[]`).join(", ")}) AS v(${names})`, params: columns };
  }
  const one = "(" + types.map(() => "?").join(", ") + ")";
  return { sql: `(VALUES ${rows.map(() => one).join(", ")}) AS v`, params: rows.flat() };
}

/**
 * Inserts rows (an `INSERT INTO t (columns)` without its source; `onConflict` may follow): on SQLite's write session
 * one prepared statement per row, on PostgreSQL unnest() arrays in statement batches. Answers how many rows changed.
 */
export async function insertRows(s: SqlSession, insert: string, types: string[], rows: SqlScalar[][], onConflict = ""): Promise<number> {
  if (rows.length === 0) return 0;
  if (s.runEach) return s.runEach(`${insert} VALUES (${types.map(() => "?").join(", ")}) ${onConflict}`, rows);
  let changes = 0;
  for (const batch of statementBatches(s, rows, types.length)) {
    const src = rowsSource(s, types, batch);
    changes += await s.run(`${insert} SELECT * FROM ${src.sql} WHERE true ${onConflict}`, src.params);
  }
  return changes;
}

/**
 * Updates rows of `table` by their `id` (each row's first value): `set` writes the SET clause, naming the row's other
 * values by column number (2, 3, ...), each once and in order. On SQLite's write session one prepared statement per
 * row, on PostgreSQL `UPDATE … FROM unnest()` in statement batches.
 */
export async function updateRows(s: SqlSession, table: string, types: string[], rows: SqlScalar[][], set: (value: (column: number) => string) => string): Promise<void> {
  if (rows.length === 0) return;
  if (s.runEach) {
    await s.runEach(`UPDATE "${table}" SET ${set(() => "?")} WHERE "id" = ?`, rows.map(([id, ...values]) => [...values, id]));
    return;
  }
  for (const batch of statementBatches(s, rows, types.length)) {
    const src = rowsSource(s, types, batch);
    await s.run(`UPDATE "${table}" SET ${set((c) => `v.column${c}`)} FROM ${src.sql} WHERE "${table}"."id" = v.column1`, src.params);
  }
}

/** `IN (?, ?, ...)` on SQLite, `= ANY(?)` with one array on PostgreSQL (planned once for any length). */
export function inIds(s: SqlSession, ids: number[]): { sql: string; params: SqlValue[] } {
  if (s.dialect === "postgres") return { sql: "= ANY(?::integer[])", params: [ids] };
  return { sql: `IN (${ids.map(() => "?").join(", ")})`, params: ids };
}
