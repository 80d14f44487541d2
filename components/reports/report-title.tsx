import type { ClientReport } from "@/lib/domain/reports/client-report";
import { reportDay, reportFrom, reportTitle } from "@/lib/reports/report-words";

/** The report's head: the MSP's logo and name, whose report it is, the campaign and the day. */
export function ReportTitle({ report, logoUrl, actions }: { report: ClientReport; logoUrl: string | null; actions?: React.ReactNode }) {
  return (
    <header className="mb-8 flex flex-wrap items-start justify-between gap-4 border-b border-gray-200 pb-6 dark:border-gray-800">
      <div className="flex min-w-0 items-start gap-4">
        {logoUrl ? (
          // A data URL of the stored logo (PNG or JPEG, checked by its bytes): next/image has nothing to optimise.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={logoUrl} alt={`${reportFrom(report)} logo`} className="h-12 w-auto max-w-40 object-contain" />
        ) : null}
        <div className="min-w-0">
          <p className="text-sm font-semibold text-gray-600 dark:text-gray-400">{reportFrom(report)}</p>
          <h1 className="text-2xl font-semibold tracking-tight break-words">{reportTitle(report)}</h1>
          <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
            Checked against {report.campaign.description}. Generated on {reportDay(report.generatedAt)} (UTC).
          </p>
        </div>
      </div>
      {actions ? <div className="flex items-center gap-2 print:hidden">{actions}</div> : null}
    </header>
  );
}
