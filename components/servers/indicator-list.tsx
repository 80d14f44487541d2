/** Indicators of compromise (paths, log lines): monospace, broken anywhere so long paths wrap. */
export function IndicatorList({ indicators, label }: { indicators: string[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-1">
      {indicators.map((indicator, i) => (
        <li
          key={`${i}-${indicator}`}
          className="rounded-md bg-red-50 px-2 py-1 font-mono text-xs break-all text-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          {indicator}
        </li>
      ))}
    </ul>
  );
}
