// Formatting shared by server and client components. Dates are always shown in UTC so
// the server's HTML and the browser's render agree.
const dateTime = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const dateOnly = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });
const shortDay = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const monthYear = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", year: "numeric" });
const integer = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

export function formatDate(isoOrDay: string): string {
  return dateOnly.format(new Date(isoOrDay.length === 10 ? `${isoOrDay}T00:00:00Z` : isoOrDay));
}

/** "Mar 8" for a YYYY-MM-DD day (chart axes). */
export function formatShortDay(day: string): string {
  return shortDay.format(new Date(`${day}T00:00:00Z`));
}

/** "Mar 2021" for a YYYY-MM-DD day (axes of long ranges). */
export function formatMonthYear(day: string): string {
  return monthYear.format(new Date(`${day}T00:00:00Z`));
}

/** "12K" for axis ticks. */
export function formatCompact(n: number): string {
  return compact.format(n);
}

export function formatNumber(n: number): string {
  return integer.format(n);
}

export function formatPercent(n: number): string {
  if (n > 0 && n < 0.1) return "<0.1%";
  return `${n.toFixed(1)}%`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
