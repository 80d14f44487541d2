"use client";

import { useMemo } from "react";
import type { OrganizationRow } from "@/lib/views";
import { DataTable, type ListState } from "../data-table/data-table";
import { organizationColumnsFor } from "./organization-columns";

const DEFAULTS = { sort: "status", page: "1", pageSize: "25" } as const;
const rowId = (row: OrganizationRow) => row.slug;

export function OrganizationsTable({ data, total, state, linkQuery = "" }: { data: OrganizationRow[]; total: number; state: ListState; linkQuery?: string }) {
  const columns = useMemo(() => organizationColumnsFor(linkQuery), [linkQuery]);
  return (
    <DataTable
      id="organizations"
      label="Organizations and the status of their servers"
      noun="organizations"
      testId="organizations-table"
      columns={columns}
      data={data}
      total={total}
      state={state}
      defaults={DEFAULTS}
      getRowId={rowId}
      searchLabel="Filter by name"
      searchPlaceholder="Organization name"
      statusLabel="Has servers that are"
      cardLead="status"
    />
  );
}
