/** How many open indicators, and what the first one is; the title lists them all. */
export function IndicatorSummary({ indicators, count }: { indicators: string[]; count: number }) {
  if (count === 0) return <span className="text-gray-600 dark:text-gray-400">None</span>;
  return (
    <span className="flex max-w-52 items-center gap-2" title={indicators.join("\n")}>
      <span className="shrink-0 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800 tabular-nums dark:bg-red-400/15 dark:text-red-300">
        {count}
        <span className="sr-only">{count === 1 ? " indicator:" : " indicators, first:"}</span>
      </span>
      <span className="truncate font-mono text-xs">{indicators[0]}</span>
    </span>
  );
}
