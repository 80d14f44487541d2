// The share of exposed servers patched against days since disclosure: the picture an MSP shows a client. Plain SVG
// drawn on the server; the data is also a table.
import { STATUS_COLOR_VAR } from "../status/status-styles";
import { formatPercent } from "../ui/format";
import { ChartFigure } from "./chart-figure";
import { linePath, niceTicks } from "./chart-geometry";

const W = 600;
const H = 220;
const PAD = { left: 44, right: 12, top: 10, bottom: 30 };

export interface PatchCurveProps {
  id: string;
  points: { day: number; share: number }[];
  since: "disclosure" | "exposure";
  /** a vertical line at the patch target, when there is one */
  targetDays: number | null;
  caption: string;
}

export function PatchCurveChart({ id, points, since, targetDays, caption }: PatchCurveProps) {
  const lastDay = Math.max(1, points.at(-1)?.day ?? 1, targetDays ?? 0);
  const xTicks = niceTicks(lastDay, 6).filter((d) => d <= lastDay || d === niceTicks(lastDay, 6)[1]);
  const maxX = Math.max(lastDay, xTicks[xTicks.length - 1]);
  const x = (day: number) => PAD.left + (day / maxX) * (W - PAD.left - PAD.right);
  const y = (share: number) => PAD.top + (1 - share) * (H - PAD.top - PAD.bottom);
  const axis = since === "disclosure" ? "Days since disclosure" : "Days since the exposure began";
  const final = points.at(-1);
  const atTarget = targetDays !== null ? [...points].reverse().find((p) => p.day <= targetDays) : undefined;
  const summary = final
    ? `${formatPercent(final.share * 100)} of exposed servers patched by day ${final.day}` +
      (atTarget && targetDays !== null ? `; ${formatPercent(atTarget.share * 100)} within the ${targetDays}-day target.` : ".")
    : "No server has been patched yet.";
  const chart = (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full text-[var(--chart-axis)]" role="img" aria-label={summary}>
      {[0, 0.25, 0.5, 0.75, 1].map((s) => (
        <g key={s}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(s)} y2={y(s)} stroke="var(--chart-grid)" strokeDasharray={s === 0 ? undefined : "3 3"} />
          <text x={PAD.left - 6} y={y(s) + 4} textAnchor="end" fontSize="11" fill="currentColor">
            {s * 100}%
          </text>
        </g>
      ))}
      {xTicks.map((d) => (
        <text key={d} x={x(d)} y={H - 10} textAnchor="middle" fontSize="11" fill="currentColor">
          {d}
        </text>
      ))}
      {targetDays !== null ? (
        <g>
          <line x1={x(targetDays)} x2={x(targetDays)} y1={PAD.top} y2={H - PAD.bottom} stroke={STATUS_COLOR_VAR.unpatched} strokeDasharray="4 3" />
          <text x={x(targetDays) + 4} y={PAD.top + 12} fontSize="11" fill="currentColor">
            target {targetDays} d
          </text>
        </g>
      ) : null}
      {points.length ? <path d={linePath(points.map((p) => ({ x: x(p.day), y: y(p.share) })))} fill="none" stroke={STATUS_COLOR_VAR.patched} strokeWidth="2.5" /> : null}
    </svg>
  );
  const table = (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="py-1 pr-4 font-medium">
            {axis}
          </th>
          <th scope="col" className="py-1 font-medium">
            Share patched
          </th>
        </tr>
      </thead>
      <tbody>
        {points
          .filter((p, i) => i === 0 || i === points.length - 1 || p.share !== points[i - 1].share)
          .map((p) => (
            <tr key={p.day}>
              <td className="py-0.5 pr-4 tabular-nums">{p.day}</td>
              <td className="py-0.5 tabular-nums">{formatPercent(p.share * 100)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure
      id={id}
      testId="patch-curve"
      caption={caption}
      summary={
        <>
          {summary} <span className="text-gray-600 dark:text-gray-400">({axis.toLowerCase()} on the horizontal axis.)</span>
        </>
      }
      chart={chart}
      table={table}
    />
  );
}
