"use client";

import type { ServerRow } from "@/lib/views";
import { DataTable, type ListState } from "../data-table/data-table";
import { fleetServerColumns, serverColumns } from "./server-columns";

const DEFAULTS = { sort: "hostname", page: "1", pageSize: "25" } as const;
const rowId = (row: ServerRow) => String(row.id);

/** Servers of one organization, or of the whole fleet with an organization column. */
export function ServersTable({
  data,
  total,
  state,
  showOrganization = false,
  label = "Servers",
}: {
  data: ServerRow[];
  total: number;
  state: ListState;
  showOrganization?: boolean;
  label?: string;
}) {
  return (
    <DataTable
      id="servers"
      label={label}
      noun="servers"
      testId="servers-table"
      columns={showOrganization ? fleetServerColumns : serverColumns}
      data={data}
      total={total}
      state={state}
      defaults={DEFAULTS}
      getRowId={rowId}
      searchLabel="Filter by hostname or IP"
      searchPlaceholder="Hostname or IP address"
      statusLabel="Status"
    />
  );
}
