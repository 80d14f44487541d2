import type { ReportSection } from "@/lib/domain/reports/client-report";
import { countsLine, decommissionedLine, digestHeading, digestSummary, plural, reportDay, truncationNote } from "@/lib/reports/report-words";
import { DigestDetails } from "../digest/digest-details";
import { StatusTrendChart } from "../charts/status-trend-chart";
import { StatusCards } from "../status/status-cards";
import { ReportHeading } from "./report-heading";
import { ReportRemediationsTable } from "./report-remediations-table";
import { ReportServersTable } from "./report-servers-table";
import { ReportTimeToPatchList } from "./report-time-to-patch";
import { ReportTodoList } from "./report-todo";

/** One organization's part of the report: cards, trend, time to patch, the week, what remains, servers, remediations. */
export function ReportSectionView({ section, campaignQuery, nested }: { section: ReportSection; campaignQuery: string; nested: boolean }) {
  const { organization, summary } = section;
  const level = nested ? 3 : 2;
  const id = (part: string) => `${organization.slug}-${part}`;
  const base = `/organizations/${encodeURIComponent(organization.slug)}`;
  const serversCut = truncationNote(section.servers.length, section.serversTotal, "servers");
  const remediationsCut = truncationNote(section.remediations.length, section.remediationsTotal, "remediations");
  const retired = decommissionedLine(section);
  return (
    <section aria-labelledby={nested ? id("heading") : undefined} aria-label={nested ? undefined : `${organization.name}`} className={nested ? "mt-10 print:break-before-page" : ""} data-testid="report-section">
      {nested ? (
        <h2 id={id("heading")} className="text-xl font-semibold tracking-tight">
          {organization.name}
        </h2>
      ) : null}
      <p className="mb-4 text-sm text-gray-600 dark:text-gray-400" data-testid="report-counts">
        {plural(summary.servers, "Exchange server")}: {countsLine(summary.statuses)}.{summary.latestScanAt ? ` Latest scan: ${reportDay(summary.latestScanAt)}.` : ""}
      </p>
      <StatusCards counts={summary.statuses} total={summary.servers} hrefFor={(status) => `${base}?status=${status}${campaignQuery ? `&${campaignQuery.slice(1)}` : ""}#servers`} />

      {/* On the fleet page the trend is the fleet's, at the top: a chart with its table of every day for each of
          dozens of clients would make the page too heavy to read (the PDF, drawn as vectors, keeps each client's). */}
      {nested ? null : (
        <>
          <ReportHeading level={level} id={id("trend")}>
            Status over time
          </ReportHeading>
          <div className="break-inside-avoid">
            <StatusTrendChart id={id("trend-chart")} data={section.trend} caption={`Servers of ${organization.name} in each status, per day`} />
          </div>
        </>
      )}

      {section.timeToPatch ? (
        <>
          <ReportHeading level={level} id={id("time-to-patch")}>
            Time to patch
          </ReportHeading>
          <ReportTimeToPatchList timeToPatch={section.timeToPatch} />
        </>
      ) : null}

      {section.digest ? (
        <>
          <ReportHeading level={level} id={id("week")}>
            {digestHeading(section.digest)}
          </ReportHeading>
          <p className="mb-4 text-sm" data-testid="report-digest">
            {digestSummary(section.digest)}
          </p>
          {/* The fleet page keeps each client's week to its sentence, as it does the trend; the PDF has the lists. */}
          {nested ? null : <DigestDetails digest={section.digest} level={3} linkQuery={campaignQuery} linked={false} idPrefix={id("week-")} />}
        </>
      ) : null}

      <ReportHeading level={level} id={id("todo")}>
        What remains to do
      </ReportHeading>
      <ReportTodoList items={section.todo} />

      <ReportHeading level={level} id={id("servers")}>
        Servers
      </ReportHeading>
      {serversCut ? <p className="mb-2 text-sm text-gray-600 dark:text-gray-400">{serversCut}</p> : null}
      {section.servers.length ? <ReportServersTable servers={section.servers} caption={`Servers of ${organization.name}, worst first`} /> : <p className="text-sm">No servers yet.</p>}
      {retired ? (
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400" data-testid="report-decommissioned">
          {retired}
        </p>
      ) : null}

      <ReportHeading level={level} id={id("remediations")}>
        Remediations
      </ReportHeading>
      {remediationsCut ? <p className="mb-2 text-sm text-gray-600 dark:text-gray-400">{remediationsCut}</p> : null}
      <ReportRemediationsTable remediations={section.remediations} caption={`Remediations recorded for ${organization.name}, newest first`} />
    </section>
  );
}
