"use client";

import { STATUSES, STATUS_LABELS } from "@/lib/domain/statuses";
import type { TrendDay, TrendMarker } from "@/lib/views";
import { formatDate, formatNumber, plural } from "../ui/format";
import { ChartFigure } from "./chart-figure";
import { StatusLegend } from "./status-legend";
import { STACK_ORDER, shownMarkers, totalServers } from "./trend-data";
import { TrendPlot } from "./trend-plot";
import { TrendTable } from "./trend-table";

function summarize(data: TrendDay[]): string {
  const first = data[0];
  const last = data[data.length - 1];
  const counts = STATUSES.filter((s) => last[s] > 0)
    .map((s) => `${formatNumber(last[s])} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(", ");
  const range = first.date === last.date ? `Covers ${formatDate(last.date)}.` : `Covers ${formatDate(first.date)} to ${formatDate(last.date)}.`;
  return `${range} On the last day: ${counts || "no servers"} (${plural(totalServers(last), "server")}).`;
}

function markerSummary(markers: TrendMarker[]): string {
  return markers.length ? ` Marked: ${markers.map((m) => `${m.label} (${formatDate(m.date)})`).join("; ")}.` : "";
}

/** Stacked area chart of the number of servers in each status, per day, with the campaigns' key days marked. */
export function StatusTrendChart({
  data,
  caption = "Number of servers in each status, per day",
  markers = [],
  id = "trend",
}: {
  data: TrendDay[];
  caption?: string;
  markers?: TrendMarker[];
  /** unique on the page: a page with several charts (the fleet report) names each */
  id?: string;
}) {
  if (data.length === 0) {
    return (
      <div data-testid="trend-chart" className="rounded-xl border border-dashed border-gray-300 bg-white p-8 text-center text-sm text-gray-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-400">
        No scan history yet: the trend appears after the first import.
      </div>
    );
  }
  const shown = shownMarkers(data, markers);
  return (
    <ChartFigure
      id={id}
      testId="trend-chart"
      caption={caption}
      summary={summarize(data) + markerSummary(shown)}
      table={<TrendTable data={data} label="Servers by status per day" />}
      chart={
        <>
          <TrendPlot data={data} markers={shown} />
          <StatusLegend statuses={[...STACK_ORDER].reverse()} />
        </>
      }
    />
  );
}
