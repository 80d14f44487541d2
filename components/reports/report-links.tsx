import { ButtonLink } from "../ui/button-link";

/** The organization page's way to its client report: the printable page and the PDF, for the campaign shown. */
export function ReportLinks({ slug, campaign }: { slug: string; campaign: string }) {
  const query = campaign === "all" ? "" : `?campaign=${encodeURIComponent(campaign)}`;
  const base = `/organizations/${encodeURIComponent(slug)}`;
  return (
    <div role="group" aria-label="Client report" className="flex items-center gap-2">
      <ButtonLink href={`${base}/report${query}`} variant="secondary">
        Report
      </ButtonLink>
      <ButtonLink href={`/api/v1${base}/report.pdf${query}`} variant="secondary" download>
        Download PDF
      </ButtonLink>
    </div>
  );
}
