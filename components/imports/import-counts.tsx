import { SummaryStat } from "../upload/summary-stat";

/** The counts of an import: rows read, accepted and rejected, servers created and updated, indicators. */
export function ImportCounts({ summary }: { summary: { rows: number; accepted: number; rejected: number; serversCreated: number; serversUpdated: number; indicators: number } }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      <SummaryStat label="Rows read" value={summary.rows} />
      <SummaryStat label="Accepted" value={summary.accepted} tone="good" />
      <SummaryStat label="Rejected" value={summary.rejected} tone="bad" />
      <SummaryStat label="Servers created" value={summary.serversCreated} />
      <SummaryStat label="Servers updated" value={summary.serversUpdated} />
      <SummaryStat label="Indicators recorded" value={summary.indicators} tone="bad" />
    </dl>
  );
}
