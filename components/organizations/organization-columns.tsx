import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { STATUSES, STATUS_LABELS, type Status } from "@/lib/domain/statuses";
import type { OrganizationRow } from "@/lib/views";
import type { Features } from "../data-table/features";
import { formatNumber } from "../ui/format";
import { PercentBar } from "../ui/percent-bar";
import { StatusBadge } from "../status/status-badge";
import { LINK } from "@/components/ui/link-styles";

const helper = createColumnHelper<Features, OrganizationRow>();

const COUNT_ALERT: Partial<Record<Status, string>> = {
  compromised: "font-semibold text-red-700 dark:text-red-400",
  unpatched: "text-amber-800 dark:text-amber-300",
};

function statusColumn(status: Status) {
  return helper.accessor((row) => row.statuses[status], {
    id: status,
    header: STATUS_LABELS[status],
    meta: { numeric: true },
    cell: (info) => {
      const value = info.getValue();
      return <span className={value > 0 ? COUNT_ALERT[status] : "text-gray-700 dark:text-gray-300"}>{formatNumber(value)}</span>;
    },
  });
}

/** Column ids are the API's sort fields (ORGANIZATION_SORTS). Links keep `linkQuery` (the page's campaign). */
export const organizationColumnsFor = (linkQuery: string) => helper.columns([
  helper.accessor("name", {
    header: "Organization",
    cell: (info) => (
      <Link href={`/organizations/${info.row.original.slug}${linkQuery}`} className={LINK}>
        {info.getValue()}
      </Link>
    ),
  }),
  // Sorting by it orders worst first: the most compromised servers, then unpatched, unknown, mitigated.
  helper.accessor("worstStatus", {
    id: "status",
    header: "Worst status",
    cell: (info) => {
      const worst = info.getValue();
      return worst ? <StatusBadge status={worst} /> : <span className="text-gray-600 dark:text-gray-400">No servers</span>;
    },
  }),
  helper.accessor("servers", { header: "Servers", meta: { numeric: true }, cell: (info) => formatNumber(info.getValue()) }),
  ...STATUSES.map(statusColumn),
  helper.accessor("percentPatched", {
    header: "% patched",
    meta: { numeric: true },
    cell: (info) => <PercentBar value={info.getValue()} />,
  }),
]);
