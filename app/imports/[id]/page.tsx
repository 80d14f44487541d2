import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAccess } from "@/app/_lib/access";
import { parseListQuery, type SearchParams } from "@/app/_lib/list-query";
import { PageLinks } from "@/components/admin/page-links";
import { ImportChangeCounts } from "@/components/imports/import-change-counts";
import { ImportChangesTable } from "@/components/imports/import-changes-table";
import { ImportCounts } from "@/components/imports/import-counts";
import { ImportRejections } from "@/components/imports/import-rejections";
import { importSourceLabel, importTitle } from "@/components/imports/import-source";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listImportServers } from "@/lib/data/imports/import-list";
import { formatLabel } from "@/lib/import/formats";
import { importServersQuery } from "@/lib/zod/imports";
import { loadImport } from "./load-import";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await loadImport((await params).id);
  return { title: detail ? `Import: ${importTitle(detail)}` : "Import not found" };
}

export default async function ImportPage({ params, searchParams }: Props) {
  const detail = await loadImport((await params).id);
  if (!detail) notFound();
  const { page } = parseListQuery(importServersQuery, await searchParams, { pageSize: PAGE_SIZE });
  const servers = detail.changes ? await listImportServers(await requireAccess(), detail.id, { page, pageSize: PAGE_SIZE }) : null;
  const pageCount = servers ? Math.ceil(servers.total / PAGE_SIZE) : 0;
  const href = (n: number) => (n > 1 ? `/imports/${detail.id}?page=${n}#changes-heading` : `/imports/${detail.id}#changes-heading`);

  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumbs items={[{ label: "Recent imports", href: "/imports" }, { label: `Import #${detail.id}` }]} />}
        title={<span className="break-all">{importTitle(detail)}</span>}
        description={
          <p>
            {formatLabel(detail.format)}, imported <DateTime value={detail.createdAt} /> by {detail.uploadedBy ?? "an unknown uploader"} ({importSourceLabel(detail.source)}).
          </p>
        }
      />
      <div className="space-y-8">
        <section aria-labelledby="summary-heading">
          <Card>
            <h2 id="summary-heading" className="mb-4 text-lg font-semibold tracking-tight">
              What was read
            </h2>
            <ImportCounts summary={detail} />
            <ImportRejections id="import-rejected" caption="Rejected rows" errors={detail.errors} rejected={detail.rejected} />
          </Card>
        </section>
        <section aria-labelledby="changes-heading">
          <Card>
            <h2 id="changes-heading" className="mb-1 text-lg font-semibold tracking-tight">
              What changed
            </h2>
            {detail.changes && servers ? (
              <>
                <p className="mb-4 text-sm text-gray-600 dark:text-gray-400">
                  The status of each server it touched (all known-exploited emergencies together) before and after this import: new compromises first,
                  then servers worse off, better off, and unchanged.
                </p>
                <ImportChangeCounts counts={detail.changes} />
                {servers.data.length > 0 ? (
                  <div className="mt-4">
                    <p role="status" className="mb-2 text-sm text-gray-700 dark:text-gray-300">
                      {plural(servers.total, "server")} touched.
                    </p>
                    <ImportChangesTable id="import-changes" caption="Servers this import touched, with their status before and after it" rows={servers.data} />
                    <PageLinks
                      label="Pages of the servers this import touched"
                      page={page}
                      pageCount={pageCount}
                      previousHref={page > 1 ? href(Math.min(page - 1, pageCount)) : undefined}
                      nextHref={page < pageCount ? href(page + 1) : undefined}
                    />
                  </div>
                ) : (
                  <p className="mt-4 text-sm text-gray-600 dark:text-gray-400">{servers.total === 0 ? "It touched no server." : "This page is past the end of the list."}</p>
                )}
              </>
            ) : (
              <p className="text-sm text-gray-600 dark:text-gray-400">
                Not recorded: this import was made before Patchboard kept each server&rsquo;s status before and after an import.
              </p>
            )}
          </Card>
        </section>
      </div>
    </>
  );
}
