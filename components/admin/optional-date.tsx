import { DateTime } from "../ui/date-time";

/** A date that may not have happened: `never` says so in words. */
export function OptionalDate({ value, dateOnly = false, never }: { value: string | null; dateOnly?: boolean; never: string }) {
  return value ? <DateTime value={value} dateOnly={dateOnly} /> : <span className="text-gray-600 dark:text-gray-400">{never}</span>;
}
