import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/app/_lib/access";
import { parseListQuery, type SearchParams } from "@/app/_lib/list-query";
import { PageLinks } from "@/components/admin/page-links";
import { ImportsTable } from "@/components/imports/imports-table";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listImports } from "@/lib/data/imports/import-list";
import { can } from "@/lib/domain/access";
import { importListQuery } from "@/lib/zod/imports";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Recent imports" };

const PAGE_SIZE = 25;
const LINK = "font-medium text-blue-700 hover:underline dark:text-blue-400";
const href = (page: number) => (page > 1 ? `/imports?page=${page}` : "/imports");

export default async function ImportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const access = await requireAccess();
  const { page } = parseListQuery(importListQuery, await searchParams, { pageSize: PAGE_SIZE });
  const result = await listImports(access, { page, pageSize: PAGE_SIZE });
  const pageCount = Math.ceil(result.total / PAGE_SIZE);
  const uploads = can.write(access);

  return (
    <>
      <PageHeader
        title="Recent imports"
        description="Every scan file imported into the organizations you can see: who sent it, when, and what it did. Open one for its rows, rejections and the servers whose status it changed."
        actions={uploads ? <ButtonLink href="/upload">Upload a scan</ButtonLink> : null}
      />
      {result.total === 0 ? (
        <EmptyState title="No imports yet" action={uploads ? <Link href="/upload" className={LINK}>Upload a scan</Link> : undefined}>
          Scan files imported through the upload page or the API appear here.
        </EmptyState>
      ) : result.data.length === 0 ? (
        <EmptyState title="This page is past the end of the list" action={<Link href="/imports" className={LINK}>Go to the first page</Link>} />
      ) : (
        <>
          <p role="status" className="mb-2 text-sm text-gray-700 dark:text-gray-300">
            {plural(result.total, "import")}, newest first.
          </p>
          <ImportsTable imports={result.data} />
          <PageLinks
            label="Pages of recent imports"
            page={page}
            pageCount={pageCount}
            previousHref={page > 1 ? href(Math.min(page - 1, pageCount)) : undefined}
            nextHref={page < pageCount ? href(page + 1) : undefined}
          />
        </>
      )}
    </>
  );
}
