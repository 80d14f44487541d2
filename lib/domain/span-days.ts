// Span arithmetic on day spans ([fromDay, toDay), the last one open): cutting them at a day and joining them.
import type { StatusSpan } from "./status";

/** The spans from `fromDay` on (a campaign's disclosure, a resume's first day). */
export function clipSpans(spans: readonly StatusSpan[], fromDay: string): StatusSpan[] {
  return spans.filter((s) => s.toDay === null || s.toDay > fromDay).map((s) => (s.fromDay < fromDay ? { ...s, fromDay } : { ...s }));
}

/** The stored spans before `day` and the fresh ones from it on, joined where the status carries across. */
export function spliceSpans(stored: readonly StatusSpan[], fresh: readonly StatusSpan[], day: string): StatusSpan[] {
  const spans: StatusSpan[] = stored.filter((s) => s.fromDay < day).map((s) => ({ ...s, toDay: s.toDay === null || s.toDay > day ? day : s.toDay }));
  for (const span of clipSpans(fresh, day)) {
    const last = spans.at(-1);
    if (last && last.toDay === span.fromDay && last.status === span.status) last.toDay = span.toDay;
    else spans.push(span);
  }
  return spans;
}
