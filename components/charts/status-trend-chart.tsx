"use client";

import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { STATUSES, STATUS_LABELS, type Status } from "@/lib/domain/statuses";
import type { TrendDay, TrendMarker } from "@/lib/views";
import { STATUS_COLOR_VAR } from "../status/status-styles";
import { formatCompact, formatDate, formatMonthYear, formatNumber, formatShortDay, plural } from "../ui/format";
import { ChartFigure } from "./chart-figure";
import { ChartTooltip } from "./chart-tooltip";
import { StatusLegend } from "./status-legend";
import { TrendTable } from "./trend-table";

/** Bottom to top: the good news at the base, compromised on top where it shows. */
const STACK_ORDER: Status[] = ["patched", "mitigated", "unknown", "unpatched", "compromised"];
const AXIS_TICK = { fill: "var(--chart-axis)", fontSize: 12 };

const LONG_RANGE_DAYS = 120;

function spanDays(data: TrendDay[]): number {
  return (Date.parse(data[data.length - 1].date) - Date.parse(data[0].date)) / 86_400_000;
}

function total(day: TrendDay): number {
  return STATUSES.reduce((sum, s) => sum + day[s], 0);
}

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const day = payload?.[0]?.payload as TrendDay | undefined;
  if (!active || !day) return null;
  return (
    <ChartTooltip
      title={formatDate(day.date)}
      counts={[...STACK_ORDER].reverse().map((status) => ({ status, value: day[status] }))}
      footer={`Total: ${plural(total(day), "server")}`}
    />
  );
}

function summarize(data: TrendDay[]): string {
  const first = data[0];
  const last = data[data.length - 1];
  const counts = STATUSES.filter((s) => last[s] > 0)
    .map((s) => `${formatNumber(last[s])} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(", ");
  const range = first.date === last.date ? `Covers ${formatDate(last.date)}.` : `Covers ${formatDate(first.date)} to ${formatDate(last.date)}.`;
  return `${range} On the last day: ${counts || "no servers"} (${plural(total(last), "server")}).`;
}

// Only the days the chart covers can be marked on it.
function shown(data: TrendDay[], markers: TrendMarker[]): TrendMarker[] {
  if (data.length === 0) return [];
  const first = data[0].date;
  const last = data[data.length - 1].date;
  return markers.filter((m) => m.date >= first && m.date <= last);
}

function markerSummary(data: TrendDay[], markers: TrendMarker[]): string {
  const list = shown(data, markers);
  return list.length ? ` Marked: ${list.map((m) => `${m.label} (${formatDate(m.date)})`).join("; ")}.` : "";
}

/** Stacked area chart of the number of servers in each status, per day, with the campaigns' key days marked. */
export function StatusTrendChart({
  data,
  caption = "Number of servers in each status, per day",
  markers = [],
}: {
  data: TrendDay[];
  caption?: string;
  markers?: TrendMarker[];
}) {
  if (data.length === 0) {
    return (
      <div data-testid="trend-chart" className="rounded-xl border border-dashed border-gray-300 bg-white p-8 text-center text-sm text-gray-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-400">
        No scan history yet: the trend appears after the first import.
      </div>
    );
  }
  return (
    <ChartFigure
      id="trend"
      testId="trend-chart"
      caption={caption}
      summary={summarize(data) + markerSummary(data, markers)}
      table={<TrendTable data={data} label="Servers by status per day" />}
      chart={
        <>
          <AreaChart
            responsive
            data={data}
            style={{ width: "100%", height: 288 }}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            title="Servers by status over time"
          >
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="date"
              tickFormatter={spanDays(data) > LONG_RANGE_DAYS ? formatMonthYear : formatShortDay}
              tick={AXIS_TICK}
              stroke="var(--chart-grid)"
              minTickGap={24}
              tickMargin={8}
            />
            <YAxis allowDecimals={false} tick={AXIS_TICK} tickFormatter={formatCompact} stroke="var(--chart-grid)" width="auto" />
            <Tooltip content={TrendTooltip} cursor={{ stroke: "var(--chart-axis)", strokeDasharray: "3 3" }} />
            {shown(data, markers).map((m) => (
              <ReferenceLine
                key={`${m.date}-${m.label}`}
                x={m.date}
                stroke="var(--chart-axis)"
                strokeDasharray="4 3"
                label={{ value: m.label, position: "insideTopLeft", fill: "var(--chart-axis)", fontSize: 11 }}
              />
            ))}
            {STACK_ORDER.map((status) => (
              <Area
                key={status}
                type="monotone"
                dataKey={status}
                name={STATUS_LABELS[status]}
                stackId="servers"
                stroke={STATUS_COLOR_VAR[status]}
                fill={STATUS_COLOR_VAR[status]}
                fillOpacity={0.75}
                strokeWidth={1.5}
                animationDuration={500}
              />
            ))}
          </AreaChart>
          <StatusLegend statuses={[...STACK_ORDER].reverse()} />
        </>
      }
    />
  );
}
