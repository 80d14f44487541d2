"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { Status } from "@/lib/domain/statuses";
import type { TopOrganization } from "@/lib/views";
import { STATUS_COLOR_VAR } from "../status/status-styles";
import { formatCompact, formatNumber, plural } from "../ui/format";
import { ChartFigure } from "./chart-figure";
import { ChartTooltip } from "./chart-tooltip";
import { StatusLegend } from "./status-legend";
import { TopOrganizationsTable } from "./top-organizations-table";

const SERIES: Status[] = ["compromised", "unpatched"];
const AXIS_TICK = { fill: "var(--chart-axis)", fontSize: 12 };
const truncate = (name: string) => (name.length > 19 ? `${name.slice(0, 18)}…` : name);

function TopTooltip({ active, payload }: TooltipContentProps) {
  const org = payload?.[0]?.payload as TopOrganization | undefined;
  if (!active || !org) return null;
  return (
    <ChartTooltip
      title={org.name}
      counts={SERIES.map((status) => ({ status, value: org[status as "compromised" | "unpatched"] }))}
      footer="Click the bar to open the organization"
    />
  );
}

/** Horizontal stacked bars: compromised + unpatched servers of the most exposed organizations. */
export function TopOrganizationsChart({ data, linkQuery = "" }: { data: TopOrganization[]; linkQuery?: string }) {
  const router = useRouter();
  if (data.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-gray-300 bg-white p-8 text-center text-sm text-gray-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-400">
        No organization has unpatched or compromised servers.
      </div>
    );
  }
  const worst = data[0];
  const open = (item: { payload?: unknown }) => {
    const org = item.payload as TopOrganization | undefined;
    if (org) router.push(`/organizations/${org.slug}${linkQuery}`);
  };
  return (
    <ChartFigure
      id="top-organizations"
      testId="top-organizations-chart"
      caption="Unpatched and compromised servers, top organizations"
      summary={`The ${plural(data.length, "organization")} with the most unpatched and compromised servers. ${worst.name} leads with ${formatNumber(worst.compromised)} compromised and ${formatNumber(worst.unpatched)} unpatched.`}
      tableLabel="Show as a table with links"
      table={<TopOrganizationsTable data={data} linkQuery={linkQuery} />}
      chart={
        <>
          <BarChart
            responsive
            layout="vertical"
            data={data}
            style={{ width: "100%", height: 48 + data.length * 36 }}
            margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
            barCategoryGap={8}
          >
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickFormatter={formatCompact} stroke="var(--chart-grid)" />
            <YAxis type="category" dataKey="name" width={150} tick={AXIS_TICK} tickFormatter={truncate} stroke="var(--chart-grid)" interval={0} />
            <Tooltip content={TopTooltip} cursor={{ fill: "var(--chart-cursor)" }} />
            {SERIES.map((status) => (
              <Bar
                key={status}
                dataKey={status}
                stackId="exposed"
                fill={STATUS_COLOR_VAR[status]}
                cursor="pointer"
                onClick={open}
                animationDuration={500}
              />
            ))}
          </BarChart>
          <StatusLegend statuses={SERIES} />
        </>
      }
    />
  );
}
