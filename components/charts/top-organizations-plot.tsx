// The top organizations' drawing: one stacked bar per organization, each a link to it, in plain HTML (no script:
// the server's HTML is the chart). Hovering or focusing a bar shows its counts.
import Link from "next/link";
import type { TopOrganization } from "@/lib/views";
import { STATUS_COLOR_VAR } from "../status/status-styles";
import { formatCompact, formatNumber } from "../ui/format";
import { niceTicks } from "./chart-geometry";
import { ChartTooltip } from "./chart-tooltip";

/** The two statuses the chart stacks, worst first. */
export const TOP_SERIES = ["compromised", "unpatched"] as const;

const truncate = (name: string) => (name.length > 19 ? `${name.slice(0, 18)}…` : name);

export function TopOrganizationsPlot({ data, linkQuery }: { data: TopOrganization[]; linkQuery: string }) {
  const ticks = niceTicks(Math.max(...data.map((o) => o.compromised + o.unpatched)));
  const max = ticks[ticks.length - 1];
  const at = (v: number) => `${(v / max) * 100}%`;
  return (
    <div className="relative text-xs text-[var(--chart-axis)]">
      <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 left-38">
        {ticks.slice(1).map((v) => (
          <div key={v} className="absolute inset-y-0 border-l border-dashed border-[var(--chart-grid)]" style={{ left: at(v) }} />
        ))}
      </div>
      <ul className="relative">
        {data.map((org) => {
          const exposed = Math.max(1, org.compromised + org.unpatched);
          return (
            <li key={org.slug} className="flex h-9 items-center">
              <div aria-hidden="true" className="w-38 shrink-0 truncate pr-2 text-right">
                {truncate(org.name)}
              </div>
              <div className="flex h-full flex-1 items-center border-l border-[var(--chart-grid)]">
                <Link
                  href={`/organizations/${org.slug}${linkQuery}`}
                  aria-label={`${org.name}: ${formatNumber(org.compromised)} compromised, ${formatNumber(org.unpatched)} unpatched`}
                  className="group relative flex h-7 min-w-1"
                  style={{ width: at(org.compromised + org.unpatched) }}
                  data-testid="top-organizations-bar"
                >
                  <div className="flex size-full overflow-hidden rounded-r-sm">
                    {TOP_SERIES.map((status) => (
                      <div key={status} style={{ width: `${(org[status] / exposed) * 100}%`, background: STATUS_COLOR_VAR[status] }} />
                    ))}
                  </div>
                  <div aria-hidden="true" className="absolute top-full left-0 z-10 mt-1 hidden group-hover:block group-focus-visible:block">
                    <ChartTooltip title={org.name} counts={TOP_SERIES.map((status) => ({ status, value: org[status] }))} footer="Click the bar to open the organization" />
                  </div>
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
      <div aria-hidden="true" className="flex">
        <div className="w-38 shrink-0" />
        <div className="relative h-7 flex-1 border-t border-[var(--chart-grid)]">
          {ticks.map((v) => (
            <span key={v} className="absolute top-2 -translate-x-1/2 tabular-nums" style={{ left: at(v) }}>
              {formatCompact(v)}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
