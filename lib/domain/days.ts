// Calendar days as YYYY-MM-DD strings (UTC), the unit of every span, window and exposure.
const MS_PER_DAY = 86_400_000;

// A re-derive turns hundreds of thousands of timestamps into days and back (a profile of a daily import had
// toISOString and Date.parse among its top costs), over a few thousand distinct days: both ways are memoised.
const MAX_MEMO = 100_000;
const dayNames = new Map<number, string>();
const dayStarts = new Map<string, number>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(key, value);
  return value;
}

/** The UTC day of an instant. */
export function dayOf(date: Date): string {
  const ms = date.getTime();
  // An invalid date throws as toISOString does.
  if (!Number.isFinite(ms)) return date.toISOString();
  const n = Math.floor(ms / MS_PER_DAY);
  return dayNames.get(n) ?? remember(dayNames, n, new Date(n * MS_PER_DAY).toISOString().slice(0, 10));
}

/** The instant a day starts (UTC midnight), in milliseconds. */
export function startOfDay(day: string): number {
  return dayStarts.get(day) ?? remember(dayStarts, day, Date.parse(`${day}T00:00:00.000Z`));
}

export function addDays(day: string, n: number): string {
  return dayOf(new Date(startOfDay(day) + n * MS_PER_DAY));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / MS_PER_DAY);
}

export const laterDay = (a: string, b: string) => (a > b ? a : b);
export const earlierDay = (a: string, b: string) => (a < b ? a : b);
