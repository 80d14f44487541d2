import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAccess } from "@/app/_lib/access";
import { pageCampaign } from "@/app/_lib/page-campaign";
import type { SearchParams } from "@/app/_lib/list-query";
import { ReportDocument } from "@/components/reports/report-document";
import { buildFleetReport, fleetReportAllowed } from "@/lib/data/reports/client-report";
import { logoDataUrl } from "@/lib/data/settings/branding";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Fleet report" };

// The fleet report for the MSP itself: a section per client, a page break between them when printed. Only for
// callers who see every organization; to anyone else (a client viewer) the page does not exist. No loading.tsx
// here, so that notFound() answers a real 404.
export default async function FleetReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const access = await requireAccess();
  if (!fleetReportAllowed(access)) notFound();
  const { campaign } = await pageCampaign(await searchParams);
  const report = await buildFleetReport(access, { campaign });
  const query = campaign === "all" ? "" : `?campaign=${encodeURIComponent(campaign)}`;
  return <ReportDocument report={report} logoUrl={logoDataUrl(report.branding)} pdfHref={`/api/v1/report.pdf${query}`} />;
}
