import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAccess } from "@/app/_lib/access";
import { CampaignVerdicts } from "@/components/servers/campaign-verdicts";
import { CompromiseCheck } from "@/components/servers/compromise-check";
import { FindingsSection } from "@/components/servers/findings-section";
import { PatchLevelCard } from "@/components/servers/patch-level-card";
import { RemediationHistory } from "@/components/servers/remediation-history";
import { ScanTimeline } from "@/components/servers/scan-timeline";
import { ServerFacts } from "@/components/servers/server-facts";
import { VerdictCallout } from "@/components/servers/verdict-callout";
import { StatusBadge } from "@/components/status/status-badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { getServerFindings } from "@/lib/data/fleet/server-findings";
import { can } from "@/lib/domain/access";
import { markRemediated, markServerAction, recordHuntAction } from "./actions";
import { serverLifecycle } from "@/lib/data/fleet/lifecycle";
import { ServerLifecycle } from "@/components/servers/server-lifecycle";
import { getServerHunts } from "@/lib/data/fleet/hunts";
import { HuntList } from "@/components/hunts/hunt-list";
import { RecordedHunts } from "@/components/hunts/recorded-hunts";
import { RecordHuntForm } from "@/components/hunts/record-hunt-form";
import { loadServer } from "./load-server";
import { LINK } from "@/components/ui/link-styles";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const server = await loadServer((await params).id);
  return { title: server ? `${server.hostname} (${server.organizationName})` : "Server not found" };
}

// ?findings=N: a later page of the indicators (the first comes with the server).
function findingsPage(raw: string | string[] | undefined): number {
  return typeof raw === "string" && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

function Block({ id, title, children, className = "" }: { id: string; title: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <Card>
        <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold tracking-tight">
          {title}
        </h2>
        {children}
      </Card>
    </section>
  );
}

// The verdict and its next action come first and fit the first screen; the long parts (indicators, every
// campaign, the history) follow, folded where they repeat themselves.
export default async function ServerPage({ params, searchParams }: Props) {
  const server = await loadServer((await params).id);
  if (!server) notFound();
  const access = await requireAccess();
  const page = findingsPage((await searchParams).findings);
  const findings = page > 1 ? ((await getServerFindings(access, server.id, page)) ?? server.findings) : server.findings;
  const [hunts, lifecycle] = await Promise.all([getServerHunts(access, server.id), serverLifecycle(access, server.id)]);
  const today = new Date().toISOString().slice(0, 10);
  const earliest = hunts.campaigns.flatMap((c) => (c.huntWindow.windowFrom && c.hunt !== "hunted" && c.hunt !== "not-needed" ? [c.huntWindow.windowFrom] : [])).sort()[0] ?? null;

  return (
    <>
      <div className="mb-4">
        <div className="mb-1 text-sm text-gray-600 dark:text-gray-400">
          <Breadcrumbs
            items={[{ label: "Overview", href: "/" }, { label: server.organizationName, href: `/organizations/${server.organization}` }, { label: "Server" }]}
          />
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="text-2xl font-semibold tracking-tight break-all sm:text-3xl">{server.hostname}</h1>
          <StatusBadge status={server.status} size="md" />
          {lifecycle.decommissioned ? <span className="rounded-full bg-gray-200 px-3 py-1 text-sm font-medium text-gray-800 dark:bg-gray-700 dark:text-gray-100">Decommissioned</span> : null}
          {lifecycle.disconnected && !lifecycle.decommissioned ? <span className="rounded-full bg-blue-100 px-3 py-1 text-sm font-medium text-blue-900 dark:bg-blue-400/15 dark:text-blue-200">Disconnected</span> : null}
          <p className="text-sm text-gray-600 dark:text-gray-400">
            Exchange server of{" "}
            <Link href={`/organizations/${server.organization}`} className={`font-medium ${LINK}`}>
              {server.organizationName}
            </Link>
          </p>
        </div>
      </div>

      <div className="space-y-6">
        <VerdictCallout
          status={server.status}
          reason={server.reason}
          compromisedAt={server.compromisedAt}
          guidance={server.guidance}
          remediation={can.write(access) ? { serverId: server.id, action: markRemediated } : null}
        />
        <ServerFacts server={server} />

        <div className="grid gap-6 lg:grid-cols-2">
          <Block id="check" title="Compromise check">
            <CompromiseCheck check={server.compromiseCheck} />
          </Block>
          <Block id="patch-level" title="Patch level">
            <PatchLevelCard level={server.patchLevel} />
          </Block>
        </div>

        <FindingsSection serverId={server.id} findings={findings} remediated={server.remediations.length > 0} />

        <section aria-labelledby="hunt-heading" id="hunt" className="scroll-mt-6">
          <Card>
            <h2 id="hunt-heading" className="mb-1 text-lg font-semibold tracking-tight">
              Hunt for compromise
            </h2>
            <p className="mb-3 text-sm text-gray-600 dark:text-gray-400">
              Patching closes the door; it does not tell whether someone came in while it was open. Each emergency asks for clean compromise checks over
              its window: from its look-back date to the day this server was patched.
            </p>
            <div className="grid gap-6 lg:grid-cols-2">
              <HuntList campaigns={hunts.campaigns} />
              <div className="space-y-4">
                {can.write(access) ? <RecordHuntForm serverId={server.id} action={recordHuntAction} suggestedFrom={earliest} today={today} /> : null}
                <div>
                  <h3 className="mb-2 text-sm font-semibold">Recorded hunts</h3>
                  <RecordedHunts hunts={hunts.recorded} />
                </div>
              </div>
            </div>
          </Card>
        </section>

        <Block id="campaigns" title="By emergency">
          <CampaignVerdicts campaigns={server.campaigns} />
        </Block>

        <div className="grid gap-6 lg:grid-cols-5">
          <Block id="history" title="Scan history" className="lg:col-span-3">
            <ScanTimeline scans={server.scans} total={server.scansTotal} />
          </Block>
          <div className="space-y-6 lg:col-span-2">
            <Block id="remediations" title="Recorded remediations">
              <RemediationHistory remediations={server.remediations} />
            </Block>
            <Block id="lifecycle" title="Connected and in service">
              <ServerLifecycle serverId={server.id} disconnected={lifecycle.disconnected} decommissioned={lifecycle.decommissioned} marks={lifecycle.marks} action={can.write(access) ? markServerAction : null} />
            </Block>
          </div>
        </div>
      </div>
    </>
  );
}
