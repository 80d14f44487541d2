"use client";

import { formatDate, formatDateTime, formatRelative } from "./format";
import { useNow, useTimeZone } from "./use-now";

/**
 * A `<time>`: the date and time in the viewer's time zone, or with `relative` "3 days ago" with the exact time on
 * hover; `dateOnly` for days (UTC days, as the trend counts them).
 */
export function DateTime({ value, dateOnly = false, relative = false, className }: { value: string; dateOnly?: boolean; relative?: boolean; className?: string }) {
  const timeZone = useTimeZone();
  const now = useNow();
  if (dateOnly) {
    return (
      <time dateTime={value} className={className}>
        {formatDate(value)}
      </time>
    );
  }
  const exact = formatDateTime(value, timeZone);
  return (
    // The server's minute and the browser's may differ: the browser's render replaces the text.
    <time dateTime={value} className={className} title={relative ? exact : undefined} suppressHydrationWarning>
      {relative ? formatRelative(value, now) : exact}
    </time>
  );
}
