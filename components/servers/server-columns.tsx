import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { ServerListRow } from "@/lib/views";
import type { Features } from "../data-table/features";
import { StatusBadge } from "../status/status-badge";
import { DateTime } from "../ui/date-time";
import { IndicatorSummary } from "./indicator-summary";
import { OpenFor } from "./open-for";
import { StaleBadge } from "../status/stale-badge";
import { LINK } from "@/components/ui/link-styles";
import { HuntBadge } from "../hunts/hunt-badge";

const helper = createColumnHelper<Features, ServerListRow>();
const dash = <span className="text-gray-600 dark:text-gray-400">—</span>;

const hostname = (linkQuery: string) =>
  helper.accessor("hostname", {
    header: "Hostname",
    cell: (info) => (
      <Link href={`/servers/${info.row.original.id}${linkQuery}`} className={LINK}>
        {info.getValue()}
      </Link>
    ),
  });

const organization = (linkQuery: string) =>
  helper.accessor("organizationName", {
    id: "organization",
    header: "Organization",
    cell: (info) => (
      <Link href={`/organizations/${info.row.original.organization}${linkQuery}`} className={LINK}>
        {info.getValue()}
      </Link>
    ),
  });

function behind(row: ServerListRow) {
  if (row.updatesBehind === null) return <span className="text-gray-600 dark:text-gray-400">cannot tell</span>;
  const unsupported = row.supported === false ? <span className="block text-xs text-red-700 dark:text-red-400">out of support</span> : null;
  return (
    <span className={row.updatesBehind > 0 ? "font-medium text-amber-800 dark:text-amber-300" : "text-gray-700 dark:text-gray-300"}>
      {row.updatesBehind === 0 ? "up to date" : `${row.updatesBehind} behind`}
      {unsupported}
    </span>
  );
}

// Status first after the name: the table is for triage, worst first by default.
const status = helper.accessor("status", { header: "Status", cell: (info) => <StatusBadge status={info.getValue()} /> });
const openFor = helper.accessor("exposedSince", { header: "Open for", enableSorting: false, meta: { cellClassName: "whitespace-nowrap" }, cell: (info) => <OpenFor since={info.getValue()} /> });

// The hunt for the campaign, with how much of its window checks cover when it is partly hunted; sorted by the
// oldest exposure while exploited.
const hunt = helper.accessor("hunt", {
  id: "exposure",
  header: "Hunt",
  meta: { cellClassName: "whitespace-nowrap" },
  cell: (info) => {
    const w = info.row.original.huntWindow;
    return (
      <>
        <HuntBadge state={info.getValue()} />
        {info.getValue() === "partly-hunted" ? <span className="block text-xs text-gray-600 dark:text-gray-400">{w.covered} of {w.days} days</span> : null}
      </>
    );
  },
});

const rest = [
  helper.accessor("ipAddress", {
    header: "IP address",
    meta: { cellClassName: "font-mono text-xs whitespace-nowrap" },
    cell: (info) => info.getValue() ?? dash,
  }),
  helper.accessor("product", { header: "Product", enableSorting: false, meta: { cellClassName: "whitespace-nowrap" }, cell: (info) => info.getValue() ?? dash }),
  helper.accessor("cumulativeUpdate", { header: "CU", enableSorting: false, meta: { cellClassName: "whitespace-nowrap" }, cell: (info) => info.getValue() ?? dash }),
  helper.accessor("build", { header: "Build", meta: { cellClassName: "font-mono text-xs whitespace-nowrap" }, cell: (info) => info.getValue() ?? dash }),
  helper.accessor("updatesBehind", { header: "Security updates", enableSorting: false, meta: { cellClassName: "whitespace-nowrap" }, cell: (info) => behind(info.row.original) }),
  helper.accessor("lastScanAt", {
    header: "Last scan",
    sortDescFirst: true,
    meta: { cellClassName: "whitespace-nowrap" },
    cell: (info) => {
      const value = info.getValue();
      if (!value) return <span className="text-gray-600 dark:text-gray-400">Never</span>;
      return (
        <>
          <DateTime value={value} relative />
          {info.row.original.stale ? <StaleBadge /> : null}
        </>
      );
    },
  }),
  helper.accessor("indicators", { header: "Indicators", enableSorting: false, cell: (info) => <IndicatorSummary indicators={info.getValue()} count={info.row.original.indicatorCount} /> }),
];

/** Column ids of sortable columns are the API's sort fields (SERVER_SORTS). Links keep `linkQuery` (the page's campaign). */
export const serverColumnsFor = (linkQuery: string, withOrganization: boolean) =>
  withOrganization
    ? helper.columns([hostname(linkQuery), status, openFor, hunt, organization(linkQuery), ...rest])
    : helper.columns([hostname(linkQuery), status, openFor, hunt, ...rest]);
