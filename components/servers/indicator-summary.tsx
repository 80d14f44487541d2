/** The number of indicators and the first one, truncated; the title holds them all. */
export function IndicatorSummary({ indicators }: { indicators: string[] }) {
  if (indicators.length === 0) return <span className="text-gray-600 dark:text-gray-400">None</span>;
  return (
    <span className="flex max-w-52 items-center gap-2" title={indicators.join("\n")}>
      <span className="shrink-0 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800 tabular-nums dark:bg-red-400/15 dark:text-red-300">
        {indicators.length}
        <span className="sr-only">{indicators.length === 1 ? " indicator:" : " indicators, first:"}</span>
      </span>
      <span className="truncate font-mono text-xs">{indicators[0]}</span>
    </span>
  );
}
