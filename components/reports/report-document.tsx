import type { ClientReport } from "@/lib/domain/reports/client-report";
import { countsLine, plural } from "@/lib/reports/report-words";
import { StatusTrendChart } from "../charts/status-trend-chart";
import { StatusCards } from "../status/status-cards";
import { ButtonLink } from "../ui/button-link";
import { PrintButton } from "./print-button";
import { ReportSectionView } from "./report-section";
import { ReportTitle } from "./report-title";

/** The printable report: what the PDF holds, as a page (print styles drop the header, the links and the buttons). */
export function ReportDocument({ report, logoUrl, pdfHref }: { report: ClientReport; logoUrl: string | null; pdfHref: string }) {
  const campaignQuery = report.campaign.id === "all" ? "" : `?campaign=${encodeURIComponent(report.campaign.id)}`;
  const { fleet } = report;
  return (
    <article data-testid="client-report" className="print:text-black">
      <ReportTitle
        report={report}
        logoUrl={logoUrl}
        actions={
          <>
            <PrintButton />
            <ButtonLink href={pdfHref} download>
              Download PDF
            </ButtonLink>
          </>
        }
      />
      {fleet ? (
        <section aria-labelledby="fleet-heading" className="mb-10">
          <h2 id="fleet-heading" className="text-xl font-semibold tracking-tight">
            The whole fleet
          </h2>
          <p className="mb-4 text-sm text-gray-600 dark:text-gray-400">
            {plural(fleet.summary.organizations, "organization")}, {plural(fleet.summary.servers, "Exchange server")}: {countsLine(fleet.summary.statuses)}.
          </p>
          <StatusCards counts={fleet.summary.statuses} total={fleet.summary.servers} hrefFor={(status) => `/servers?status=${status}${campaignQuery ? `&${campaignQuery.slice(1)}` : ""}`} />
          <div className="mt-6 break-inside-avoid">
            <StatusTrendChart data={fleet.trend} caption="Servers in each status, per day" />
          </div>
          {report.organizationsLeftOut > 0 ? (
            <p className="mt-4 text-sm">
              {plural(report.organizationsLeftOut, "organization")} left out: a report covers at most {report.limits.organizations}.
            </p>
          ) : null}
        </section>
      ) : null}
      {report.sections.map((section) => (
        <ReportSectionView key={section.organization.slug} section={section} campaignQuery={campaignQuery} nested={report.kind === "fleet"} />
      ))}
    </article>
  );
}
