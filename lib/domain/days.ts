// Calendar days as YYYY-MM-DD strings (UTC), the unit of every span, window and exposure.
const MS_PER_DAY = 86_400_000;

const msOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

export function addDays(day: string, n: number): string {
  return new Date(msOf(day) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((msOf(to) - msOf(from)) / MS_PER_DAY);
}

export const laterDay = (a: string, b: string) => (a > b ? a : b);
export const earlierDay = (a: string, b: string) => (a < b ? a : b);
