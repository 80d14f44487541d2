import { formatNumber } from "../ui/format";

/** One count of an import summary; "bad" counts turn red only when above zero. */
export function SummaryStat({ label, value, tone }: { label: string; value: number; tone?: "bad" | "good" }) {
  const color = tone === "bad" && value > 0 ? "text-red-700 dark:text-red-400" : tone === "good" ? "text-green-700 dark:text-green-400" : "";
  return (
    <div className="rounded-lg border border-gray-200 p-3 dark:border-gray-800">
      <dt className="text-xs font-medium text-gray-600 dark:text-gray-400">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${color}`}>{formatNumber(value)}</dd>
    </div>
  );
}
