import { formatPercent } from "./format";

/** A small progress bar with the number beside it (the bar is decoration; the number is read). */
export function PercentBar({ value }: { value: number }) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <svg aria-hidden="true" viewBox="0 0 100 6" preserveAspectRatio="none" className="h-1.5 w-16 overflow-hidden rounded-full">
        <rect width="100" height="6" className="fill-gray-200 dark:fill-gray-700" />
        <rect width={clamped} height="6" className="fill-green-600 dark:fill-green-400" />
      </svg>
      <span className="w-12 text-right tabular-nums">{formatPercent(value)}</span>
    </span>
  );
}
