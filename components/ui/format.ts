// Formatting shared by server and client components: one date format across the app. A time of day is shown in
// the viewer's time zone once the browser renders it (<DateTime>), in UTC before; days (YYYY-MM-DD) are UTC days.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

// Each formatter is made on first use: building one costs the browser locale data, and a page that loads this
// module for one format (most) should not pay for all of them while it starts.
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
const dateOnly = lazy(() => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" }));
const shortDay = lazy(() => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" }));
const monthYear = lazy(() => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", year: "numeric" }));
const integer = lazy(() => new Intl.NumberFormat("en-US"));
const compact = lazy(() => new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }));

/** "Mar 4, 2021, 10:15 UTC" (or the zone given: "Mar 4, 2021, 11:15 GMT+1"). */
export function formatDateTime(iso: string, timeZone = "UTC"): string {
  return dateTimeFormat(timeZone).format(new Date(iso));
}

const relative = lazy(() => new Intl.RelativeTimeFormat("en-US", { numeric: "auto" }));
const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 days ago", "yesterday", "in 2 hours", "just now": the largest whole unit. */
export function formatRelative(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative().format(Math.trunc(diff / ms), unit);
  }
  return "just now";
}

/** A span of time in its largest whole unit: "17 days", "5 months", "4 years" ("under a day" below one). */
export function formatDuration(ms: number): string {
  for (const [unit, size] of UNITS.slice(0, 4)) {
    const n = Math.floor(ms / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? "" : "s"}`;
  }
  return "under a day";
}

export function formatDate(isoOrDay: string): string {
  return dateOnly().format(new Date(isoOrDay.length === 10 ? `${isoOrDay}T00:00:00Z` : isoOrDay));
}

/** "Mar 8" for a YYYY-MM-DD day (chart axes). */
export function formatShortDay(day: string): string {
  return shortDay().format(new Date(`${day}T00:00:00Z`));
}

/** "Mar 2021" for a YYYY-MM-DD day (axes of long ranges). */
export function formatMonthYear(day: string): string {
  return monthYear().format(new Date(`${day}T00:00:00Z`));
}

/** "12K" for axis ticks. */
export function formatCompact(n: number): string {
  return compact().format(n);
}

export function formatNumber(n: number): string {
  return integer().format(n);
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
