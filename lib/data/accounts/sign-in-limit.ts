// Password guesses are limited per account and per address. Each attempt is counted before the password is checked,
// in one atomic statement per key (INSERT ... ON CONFLICT DO UPDATE ... RETURNING, on SQLite and PostgreSQL alike),
// and only attempts within the limit go on to the check: parallel requests cannot all be checked before the first is
// counted, as they could when failures were counted after the (slow, scrypt) check. A successful attempt gives its
// count back, so only failures use up the limit.
import { type SqlScalar } from "../sql-session";
import { withWriteTransaction } from "../sql-write-transaction";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export interface AttemptLimit {
  /** "email:<lower-cased email>" or "ip:<address>" */
  key: string;
  max: number;
}

export interface CountedAttempt {
  /** Seconds until another attempt is allowed; 0 when this one may be checked. */
  retryAfter: number;
  /** Gives the attempt back (it succeeded). */
  release(): Promise<void>;
}

// A window begins with the first attempt after the last one ended; `count` is reset when a new one begins. Both
// CASEs read the row as it was before this update, in SQLite and in PostgreSQL.
const COUNT_ATTEMPT = `INSERT INTO "SignInCounter" ("key", "windowStart", "count") VALUES (?, ?, 1)
ON CONFLICT ("key") DO UPDATE SET
  "count" = CASE WHEN "SignInCounter"."windowStart" <= ? THEN 1 ELSE "SignInCounter"."count" + 1 END,
  "windowStart" = CASE WHEN "SignInCounter"."windowStart" <= ? THEN excluded."windowStart" ELSE "SignInCounter"."windowStart" END
RETURNING "count", "windowStart"`;

/** Counts one attempt against every limit; the answer says whether it may go on to the password check. */
export async function countAttempt(limits: AttemptLimit[], now = new Date()): Promise<CountedAttempt> {
  const windowEnded = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const counted = await withWriteTransaction(async (s) => {
    const rows: { key: string; max: number; count: number; windowStart: SqlScalar }[] = [];
    for (const { key, max } of limits) {
      const [row] = await s.all<{ count: number | bigint; windowStart: SqlScalar }>(COUNT_ATTEMPT, [key, now, windowEnded, windowEnded]);
      rows.push({ key, max, count: Number(row.count), windowStart: row.windowStart });
    }
    // Rows whose window has ended count for nothing any more; dropping them keeps the table small.
    await s.run(`DELETE FROM "SignInCounter" WHERE "windowStart" <= ?`, [windowEnded]);
    return rows;
  });
  let wait = 0;
  for (const row of counted) {
    if (row.count <= row.max) continue;
    const start = row.windowStart instanceof Date ? row.windowStart : new Date(String(row.windowStart));
    wait = Math.max(wait, Math.max(1, Math.ceil((start.getTime() + SIGN_IN_WINDOW_MS - now.getTime()) / 1000)));
  }
  return {
    retryAfter: wait,
    release: () =>
      withWriteTransaction(async (s) => {
        // Only in the window it was counted in: a new window already started from zero.
        for (const row of counted) {
          await s.run(`UPDATE "SignInCounter" SET "count" = "count" - 1 WHERE "key" = ? AND "windowStart" = ? AND "count" > 0`, [row.key, row.windowStart]);
        }
      }),
  };
}
