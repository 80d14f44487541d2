import type { TopOrganization } from "@/lib/views";
import { formatNumber, plural } from "../ui/format";
import { ChartFigure } from "./chart-figure";
import { StatusLegend } from "./status-legend";
import { TOP_SERIES, TopOrganizationsPlot } from "./top-organizations-plot";
import { TopOrganizationsTable } from "./top-organizations-table";

/** Horizontal stacked bars: compromised + unpatched servers of the most exposed organizations. */
export function TopOrganizationsChart({ data, linkQuery = "" }: { data: TopOrganization[]; linkQuery?: string }) {
  if (data.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-gray-300 bg-white p-8 text-center text-sm text-gray-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-400">
        No organization has unpatched or compromised servers.
      </div>
    );
  }
  const worst = data[0];
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
          <TopOrganizationsPlot data={data} linkQuery={linkQuery} />
          <StatusLegend statuses={TOP_SERIES} />
        </>
      }
    />
  );
}
