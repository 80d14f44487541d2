import type { ClientReport } from "../domain/reports/client-report";
import { renderReportPdf } from "../reports/render-report-pdf";

// Only these characters reach the file name: a slug and a campaign id are made of them already.
const safe = (part: string) => part.replace(/[^a-z0-9-]+/gi, "-").slice(0, 80);

/** patchboard-report-<slug or "fleet">-<campaign>-<YYYY-MM-DD>.pdf */
export function reportFileName(report: ClientReport): string {
  const who = report.kind === "fleet" ? "fleet" : report.sections[0].organization.slug;
  return `patchboard-report-${safe(who)}-${safe(report.campaign.id)}-${report.generatedAt.slice(0, 10)}.pdf`;
}

/** The report as a PDF download: never cached (it is one tenant's data), never sniffed. */
export async function reportPdfResponse(report: ClientReport): Promise<Response> {
  const pdf = await renderReportPdf(report);
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${reportFileName(report)}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
