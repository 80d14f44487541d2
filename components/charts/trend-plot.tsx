"use client";

// The trend's drawing: stacked areas in an SVG that stretches to the box (its strokes do not), with the labels in
// HTML at the same percentages so text keeps its size at any width. It is in the server's HTML, so it shows before
// any script runs; after hydration the pointer or the arrow keys show a day's counts.
import { useMemo, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { TrendDay, TrendMarker } from "@/lib/views";
import { STATUS_COLOR_VAR } from "../status/status-styles";
import { formatCompact, formatDate, formatMonthYear, formatShortDay, plural } from "../ui/format";
import { bandPath, linePath, nearestIndex, niceTicks, type Point } from "./chart-geometry";
import { ChartTooltip } from "./chart-tooltip";
import { LONG_RANGE_DAYS, STACK_ORDER, TREND_HEIGHT, axisTicks, spanDays, totalServers } from "./trend-data";

const SIZE = 1000; // the SVG's coordinate space, stretched to the plot's box
const STROKE = { vectorEffect: "non-scaling-stroke" as const };
const PAGE_DAYS = 30;

/** Each status's band and its top line, as SVG paths: stacked in STACK_ORDER, bottom to top. */
function areaPaths(data: TrendDay[], yMax: number): { status: (typeof STACK_ORDER)[number]; band: string; line: string }[] {
  const x = (i: number) => (data.length === 1 ? (i === 0 ? 0 : SIZE) : (i / (data.length - 1)) * SIZE);
  const y = (v: number) => SIZE - (v / yMax) * SIZE;
  const days = data.length === 1 ? [data[0], data[0]] : data;
  const base = days.map(() => 0);
  return STACK_ORDER.map((status) => {
    const bottom = days.map((_, i) => ({ x: x(i), y: y(base[i]) }));
    days.forEach((day, i) => (base[i] += day[status]));
    const top: Point[] = days.map((_, i) => ({ x: x(i), y: y(base[i]) }));
    return { status, band: bandPath(top, bottom), line: linePath(top) };
  });
}

const percent = (i: number, count: number) => (count <= 1 ? 50 : (i / (count - 1)) * 100);

export function TrendPlot({ data, markers }: { data: TrendDay[]; markers: TrendMarker[] }) {
  const [active, setActive] = useState<number | null>(null);
  const ticks = niceTicks(Math.max(...data.map(totalServers)));
  const yMax = ticks[ticks.length - 1];
  const index = new Map(data.map((d, i) => [d.date, i]));
  const formatDay = spanDays(data) > LONG_RANGE_DAYS ? formatMonthYear : formatShortDay;
  // Not again on every pointer move: a long trend is thousands of points.
  const areas = useMemo(() => areaPaths(data, yMax), [data, yMax]);

  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setActive(nearestIndex((e.clientX - box.left) / box.width, data.length));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = data.length - 1;
    const moves: Record<string, (i: number) => number> = {
      ArrowLeft: (i) => i - 1,
      ArrowRight: (i) => i + 1,
      PageUp: (i) => i - PAGE_DAYS,
      PageDown: (i) => i + PAGE_DAYS,
      Home: () => 0,
      End: () => last,
    };
    if (e.key === "Escape") return setActive(null);
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setActive((i) => Math.min(last, Math.max(0, move(i ?? last))));
  };
  const day = active === null ? null : data[active];
  const at = active === null ? 0 : percent(active, data.length);

  return (
    <div className="relative select-none" style={{ height: TREND_HEIGHT }}>
      <div
        className="absolute top-2 right-2 bottom-7 left-12 rounded-sm"
        tabIndex={0}
        role="group"
        aria-label="Servers by status over time. Arrow keys, Page Up, Page Down, Home and End show a day's counts."
        data-testid="trend-plot"
        onPointerMove={onPointer}
        onPointerLeave={() => setActive(null)}
        onKeyDown={onKey}
        onFocus={() => setActive((i) => i ?? data.length - 1)}
        onBlur={() => setActive(null)}
      >
        <svg viewBox={`0 0 ${SIZE} ${SIZE}`} preserveAspectRatio="none" aria-hidden="true" className="absolute inset-0 size-full overflow-visible">
          {ticks.map((v) => (
            <line key={v} x1={0} x2={SIZE} y1={SIZE - (v / yMax) * SIZE} y2={SIZE - (v / yMax) * SIZE} stroke="var(--chart-grid)" strokeDasharray="3 3" {...STROKE} />
          ))}
          {areas.map(({ status, band, line }) => (
            <g key={status} data-testid="trend-area" data-status={status}>
              <path d={band} fill={STATUS_COLOR_VAR[status]} fillOpacity={0.75} />
              <path d={line} fill="none" stroke={STATUS_COLOR_VAR[status]} strokeWidth={1.5} {...STROKE} />
            </g>
          ))}
          {markers.map((m) => {
            const x = (percent(index.get(m.date) ?? 0, data.length) / 100) * SIZE;
            return <line key={`${m.date}-${m.label}`} x1={x} x2={x} y1={0} y2={SIZE} stroke="var(--chart-axis)" strokeDasharray="4 3" {...STROKE} />;
          })}
          <line x1={0} x2={SIZE} y1={SIZE} y2={SIZE} stroke="var(--chart-grid)" {...STROKE} />
          <line x1={0} x2={0} y1={0} y2={SIZE} stroke="var(--chart-grid)" {...STROKE} />
          {day ? <line x1={(at / 100) * SIZE} x2={(at / 100) * SIZE} y1={0} y2={SIZE} stroke="var(--chart-axis)" strokeDasharray="3 3" {...STROKE} /> : null}
        </svg>
        <div aria-hidden="true" className="text-xs text-[var(--chart-axis)]">
          {ticks.map((v) => (
            <span key={v} className="absolute right-full mr-2 -translate-y-1/2 tabular-nums" style={{ top: `${100 - (v / yMax) * 100}%` }}>
              {formatCompact(v)}
            </span>
          ))}
          {axisTicks(data).map((d) => (
            <span key={d} className="absolute top-full mt-2 -translate-x-1/2 whitespace-nowrap" style={{ left: `${percent(index.get(d) ?? 0, data.length)}%` }}>
              {formatDay(d)}
            </span>
          ))}
          {markers.map((m) => {
            const x = percent(index.get(m.date) ?? 0, data.length);
            // Beside its line, on the side with room; on a phone the summary names them (labels would collide).
            return (
              <span
                key={`${m.date}-${m.label}`}
                className={`absolute top-1 hidden px-1 text-[11px] whitespace-nowrap sm:block ${x > 70 ? "-translate-x-full" : ""}`}
                style={{ left: `${x}%` }}
              >
                {m.label}
              </span>
            );
          })}
        </div>
        {day ? (
          <div className="pointer-events-none absolute top-2 z-10" style={at > 50 ? { right: `calc(${100 - at}% + 12px)` } : { left: `calc(${at}% + 12px)` }}>
            <ChartTooltip
              title={formatDate(day.date)}
              counts={[...STACK_ORDER].reverse().map((status) => ({ status, value: day[status] }))}
              footer={`Total: ${plural(totalServers(day), "server")}`}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
