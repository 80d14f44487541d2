import { formatDate, formatDateTime } from "./format";

/** A `<time>` element with a UTC-formatted date (and time unless `dateOnly`). */
export function DateTime({ value, dateOnly = false, className }: { value: string; dateOnly?: boolean; className?: string }) {
  return (
    <time dateTime={value} className={className}>
      {dateOnly ? formatDate(value) : formatDateTime(value)}
    </time>
  );
}
