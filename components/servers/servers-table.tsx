"use client";

import { useMemo } from "react";
import type { ServerListRow } from "@/lib/views";
import { DataTable, type ListState } from "../data-table/data-table";
import { serverColumnsFor } from "./server-columns";

const DEFAULTS = { sort: "status", page: "1", pageSize: "25" } as const;
const rowId = (row: ServerListRow) => String(row.id);

/** Servers of one organization, or of the whole fleet with an organization column. */
export function ServersTable({
  data,
  total,
  state,
  showOrganization = false,
  label = "Servers",
  linkQuery = "",
}: {
  data: ServerListRow[];
  total: number;
  state: ListState;
  showOrganization?: boolean;
  label?: string;
  /** appended to the rows' links: the page's campaign */
  linkQuery?: string;
}) {
  const columns = useMemo(() => serverColumnsFor(linkQuery, showOrganization), [linkQuery, showOrganization]);
  return (
    <DataTable
      id="servers"
      label={label}
      noun="servers"
      testId="servers-table"
      columns={columns}
      data={data}
      total={total}
      state={state}
      defaults={DEFAULTS}
      getRowId={rowId}
      searchLabel="Filter by hostname, IP or organization"
      searchPlaceholder="Hostname, IP address or organization"
      statusLabel="Status"
      cardLead="status"
    />
  );
}
