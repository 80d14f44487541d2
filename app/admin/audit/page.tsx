import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_lib/access";
import type { SearchParams } from "@/app/_lib/list-query";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { PageLinks } from "@/components/admin/page-links";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_ACTIONS, listAuditEvents } from "@/lib/data/accounts/audit";
import { ACTION_LABELS } from "./audit-labels";
import { auditHref, parseAuditSearch } from "./audit-query";
import { toAuditRow } from "./audit-rows";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const ACTION_OPTIONS = AUDIT_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] }));
const LINK = "font-medium text-blue-700 hover:underline dark:text-blue-400";

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const access = await requireAdmin();
  const { query, problems } = parseAuditSearch(await searchParams);
  const result = await listAuditEvents(access, query);
  const { page, pageSize } = query;
  const pageCount = Math.ceil(result.total / pageSize);
  const filters = { action: query.action, actor: query.actor, from: query.from, to: query.to };
  const filtered = Boolean(filters.action || filters.actor || filters.from || filters.to);
  const events = result.data.map(toAuditRow);

  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Audit log"
        description="Who did what, from which address: sign-ins, uploads, remediations, changes to users, tokens and organizations. Nothing here can be changed or deleted."
      />
      <AuditFilters actions={ACTION_OPTIONS} values={filters} problems={problems} />
      {result.total === 0 ? (
        filtered ? (
          <EmptyState
            title="No events match these filters"
            action={
              <Link href="/admin/audit" className={LINK}>
                Clear filters
              </Link>
            }
          >
            Try another action or other days, or part of a name, an email or a token name.
          </EmptyState>
        ) : (
          <EmptyState title="No events yet">Sign-ins, uploads and changes appear here as they happen.</EmptyState>
        )
      ) : events.length === 0 ? (
        <EmptyState
          title="This page is past the end of the log"
          action={
            <Link href={auditHref(filters, 1)} className={LINK}>
              Go to the first page
            </Link>
          }
        />
      ) : (
        <>
          <p role="status" className="mb-2 text-sm text-gray-700 dark:text-gray-300">
            {plural(result.total, "event")}, newest first.
          </p>
          <AuditTable events={events} />
          <PageLinks
            label="Pages of the audit log"
            page={page}
            pageCount={pageCount}
            previousHref={page > 1 ? auditHref(filters, Math.min(page - 1, pageCount)) : undefined}
            nextHref={page < pageCount ? auditHref(filters, page + 1) : undefined}
          />
        </>
      )}
    </>
  );
}
