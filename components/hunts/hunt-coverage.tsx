import type { HuntWindowView } from "@/lib/views";
import { formatDate } from "../ui/format";

/** "12 of 190 days" with a bar: how much of the window to look at clean checks cover. */
export function HuntCoverage({ window }: { window: HuntWindowView }) {
  if (!window.windowFrom || window.days === 0) return null;
  const share = Math.min(1, window.covered / window.days);
  const until = window.windowTo ? formatDate(window.windowTo) : "today";
  return (
    <span className="inline-flex min-w-32 flex-col gap-1 text-xs text-gray-600 dark:text-gray-400">
      <span>
        {window.covered} of {window.days} days
      </span>
      <span
        role="meter"
        aria-valuemin={0}
        aria-valuemax={window.days}
        aria-valuenow={window.covered}
        aria-label={`Checks cover ${window.covered} of the ${window.days} days from ${formatDate(window.windowFrom)} to ${until}`}
        className="h-1.5 w-full overflow-hidden rounded-full bg-gray-200 dark:bg-gray-700"
      >
        <span className="block h-full rounded-full bg-green-600 dark:bg-green-500" style={{ width: `${share * 100}%` }} />
      </span>
    </span>
  );
}
