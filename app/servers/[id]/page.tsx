import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompromiseCheck } from "@/components/servers/compromise-check";
import { FindingsTable } from "@/components/servers/findings-table";
import { IndicatorList } from "@/components/servers/indicator-list";
import { RemediationForm } from "@/components/servers/remediation-form";
import { RemediationHistory } from "@/components/servers/remediation-history";
import { ScanTimeline } from "@/components/servers/scan-timeline";
import { ServerFacts } from "@/components/servers/server-facts";
import { CampaignVerdicts } from "@/components/servers/campaign-verdicts";
import { PatchLevelCard } from "@/components/servers/patch-level-card";
import { VerdictCallout } from "@/components/servers/verdict-callout";
import { StatusBadge } from "@/components/status/status-badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { plural } from "@/components/ui/format";
import { markRemediated } from "./actions";
import { loadServer } from "./load-server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const server = await loadServer((await params).id);
  return { title: server ? `${server.hostname} (${server.organizationName})` : "Server not found" };
}

export default async function ServerPage({ params }: Props) {
  const server = await loadServer((await params).id);
  if (!server) notFound();
  const compromised = server.status === "compromised";

  return (
    <>
      <div className="mb-6">
        <div className="mb-1 text-sm text-gray-600 dark:text-gray-400">
          <Breadcrumbs
            items={[{ label: "Overview", href: "/" }, { label: server.organizationName, href: `/organizations/${server.organization}` }, { label: "Server" }]}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight break-all sm:text-3xl">{server.hostname}</h1>
          <StatusBadge status={server.status} size="md" />
        </div>
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
          Exchange server of{" "}
          <Link href={`/organizations/${server.organization}`} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
            {server.organizationName}
          </Link>
        </p>
      </div>

      <div className="space-y-6">
        <VerdictCallout status={server.status} reason={server.reason} compromisedAt={server.compromisedAt} guidance={server.guidance} />
        <ServerFacts server={server} />

        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="check-heading">
            <Card>
              <h2 id="check-heading" className="mb-3 text-lg font-semibold tracking-tight">
                Compromise check
              </h2>
              <CompromiseCheck check={server.compromiseCheck} />
            </Card>
          </section>
          <section aria-labelledby="patch-level-heading">
            <Card>
              <h2 id="patch-level-heading" className="mb-3 text-lg font-semibold tracking-tight">
                Patch level
              </h2>
              <PatchLevelCard level={server.patchLevel} />
            </Card>
          </section>
        </div>

        <section aria-labelledby="campaigns-heading">
          <Card>
            <h2 id="campaigns-heading" className="mb-3 text-lg font-semibold tracking-tight">
              By emergency
            </h2>
            <CampaignVerdicts campaigns={server.campaigns} />
          </Card>
        </section>

        <section aria-labelledby="indicators-heading">
          <Card>
            <h2 id="indicators-heading" className="text-lg font-semibold tracking-tight">
              Indicators of compromise
            </h2>
            {server.indicators.length > 0 ? (
              <>
                <p className="mt-1 mb-3 text-sm text-gray-600 dark:text-gray-400">
                  {plural(server.indicatorCount, "indicator")} open, dated at or after the last remediation:
                </p>
                <IndicatorList indicators={server.indicators} label="Indicators of compromise found" />
              </>
            ) : (
              <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
                {server.remediations.length > 0
                  ? "No open indicators of compromise: earlier findings were recorded as remediated (see the scan history and remediations below)."
                  : "No indicators of compromise were found."}
              </p>
            )}
            {server.suspiciousFiles > 0 ? (
              <p className="mt-2 text-sm text-gray-700 dark:text-gray-300" data-testid="suspicious-files">
                {plural(server.suspiciousFiles, "suspicious file")} (an archive in ProgramData or the like): a lead to look at, not proof of
                compromise by itself.
              </p>
            ) : null}
            {server.findingsTotal > 0 ? (
              <div className="mt-4">
                <h3 className="mb-2 text-sm font-semibold">Every finding</h3>
                <FindingsTable findings={server.findings} total={server.findingsTotal} />
              </div>
            ) : null}
          </Card>
        </section>

        <div className="grid gap-6 lg:grid-cols-5">
          <section aria-labelledby="history-heading" className="lg:col-span-3">
            <Card>
              <h2 id="history-heading" className="mb-4 text-lg font-semibold tracking-tight">
                Scan history
              </h2>
              <ScanTimeline scans={server.scans} />
            </Card>
          </section>
          <section aria-labelledby="remediation-heading" className="lg:col-span-2">
            <Card>
              <h2 id="remediation-heading" className="text-lg font-semibold tracking-tight">
                Remediation
              </h2>
              <p className="mt-1 mb-4 text-sm text-gray-600 dark:text-gray-400">
                {compromised
                  ? "Once the server has been cleaned, record what was done. The compromise stays on record until then."
                  : "A remediation can be recorded while the server is marked compromised."}
              </p>
              <RemediationForm serverId={server.id} compromised={compromised} action={markRemediated} />
              <h3 className="mt-6 mb-3 text-sm font-semibold">Recorded remediations</h3>
              <RemediationHistory remediations={server.remediations} />
            </Card>
          </section>
        </div>
      </div>
    </>
  );
}
