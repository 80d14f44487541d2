import { STATUSES, type Status } from "@/lib/domain/statuses";
import type { TrendDay, TrendMarker } from "@/lib/views";

/** Bottom to top: the good news at the base, compromised on top where it shows. */
export const STACK_ORDER: Status[] = ["patched", "mitigated", "unknown", "unpatched", "compromised"];
/** The plot's height in pixels, shared by the plot and the skeleton shown while it loads. */
export const TREND_HEIGHT = 288;

export function spanDays(data: TrendDay[]): number {
  return (Date.parse(data[data.length - 1].date) - Date.parse(data[0].date)) / 86_400_000;
}

export function totalServers(day: TrendDay): number {
  return STATUSES.reduce((sum, s) => sum + day[s], 0);
}

/** Only the days the chart covers can be marked on it. */
export function shownMarkers(data: TrendDay[], markers: TrendMarker[]): TrendMarker[] {
  if (data.length === 0) return [];
  const first = data[0].date;
  const last = data[data.length - 1].date;
  return markers.filter((m) => m.date >= first && m.date <= last);
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24];
const DAY_STEPS = [1, 2, 7, 14, 28];
/** Above this span the axis is labelled in months, else in days. */
export const LONG_RANGE_DAYS = 120;

/**
 * The days the x axis labels: month starts (long ranges) or every n-th day, at most `max` of them. Chosen here
 * rather than by the chart measuring every day's label (hundreds of forced layouts on a slow machine).
 */
export function axisTicks(data: TrendDay[], max = 6): string[] {
  if (data.length === 0) return [];
  if (spanDays(data) <= LONG_RANGE_DAYS) {
    const step = DAY_STEPS.find((s) => Math.ceil(data.length / s) <= max) ?? Math.ceil(data.length / max);
    return data.filter((_, i) => i % step === 0).map((d) => d.date);
  }
  const starts = data.filter((d) => d.date.endsWith("-01")).map((d) => d.date);
  const step = MONTH_STEPS.find((s) => Math.ceil(starts.length / s) <= max) ?? Math.ceil(starts.length / max);
  // Whole steps from January, so a 3-month axis reads Jan, Apr, Jul, Oct.
  return starts.filter((day) => (Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1) % step === 0);
}
