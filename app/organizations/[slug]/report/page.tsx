import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAccess } from "@/app/_lib/access";
import { pageCampaign } from "@/app/_lib/page-campaign";
import type { SearchParams } from "@/app/_lib/list-query";
import { ReportDocument } from "@/components/reports/report-document";
import { buildClientReport } from "@/lib/data/reports/client-report";
import { logoDataUrl } from "@/lib/data/settings/branding";
import { loadOrganization } from "../load-organization";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const organization = await loadOrganization((await params).slug);
  return { title: organization ? `Report: ${organization.name}` : "Organization not found" };
}

// The client report as a printable page: the same object the PDF draws (lib/data/reports/client-report.ts).
export default async function OrganizationReportPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const organization = await loadOrganization(slug);
  if (!organization) notFound();
  const { campaign } = await pageCampaign(await searchParams);
  const report = await buildClientReport(await requireAccess(), slug, { campaign });
  const query = campaign === "all" ? "" : `?campaign=${encodeURIComponent(campaign)}`;
  const base = `/organizations/${encodeURIComponent(slug)}`;
  return (
    <>
      <p className="mb-4 text-sm print:hidden">
        <Link href={`${base}${query}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
          ← Back to {organization.name}
        </Link>
      </p>
      <ReportDocument report={report} logoUrl={logoDataUrl(report.branding)} pdfHref={`/api/v1${base}/report.pdf${query}`} />
    </>
  );
}
