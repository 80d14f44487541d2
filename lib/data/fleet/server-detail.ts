// One server's page: its verdict for every campaign with the reasons, worked out from its stored facts as the
// page is read (the stored statuses say the same: both come from one engine), its patch level, the tools' own
// verdicts, its findings and its history.
import type { Access } from "../../domain/access";
import { evaluateAcrossCampaigns } from "../../domain/campaign-evaluation";
import type { Campaign } from "../../domain/campaigns/rules";
import { normalizeBuild, type PatchLevel } from "../../domain/exchange";
import type { ScanFacts } from "../../domain/facts";
import { guidanceFor } from "../../domain/guidance";
import { explainCompromiseCheck } from "../../domain/compromise-check";
import { compareToolVerdict } from "../../domain/scan-evidence";
import { judgeScan, type ScanFindingCounts, type ServerEvaluation } from "../../domain/status";
import { toolVerdictFor } from "../../domain/tool-verdicts";
import { severityOf } from "../../domain/statuses";
import type { CampaignVerdictView, CompromiseCheckView, PatchLevelView, ScanView, ServerDetail, ToolVerdictView } from "../../views";
import { listCampaigns } from "../campaigns/registry";
import { db } from "../db";
import { toolOfSource } from "../../import/formats";
import { parseToolVerdict, scanFacts, type ScanFactsRecord } from "./scan-facts";
import { readScanFindings, readServerFindings } from "./server-findings";
import { loadHistories } from "./server-history";
import { patchLevelToday, toServerRow } from "./servers";
import { organizationIdScope } from "../scope";
import { withReadSession, type SqlSession } from "../sql-session";

const MAX_SCANS_SHOWN = 500;
const MAX_REMEDIATIONS_SHOWN = 100;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type ScanRecord = ScanFactsRecord & { id: number; scannedAt: Date; ipAddress: string | null; logAgeDays: number | null };
type ScanFindings = ScanFindingCounts & { labels: string[] };

/**
 * One server, or null when there is none with this id or the caller may not see it (the same to them). Its
 * indicators come a page at a time (`findingsPage`, from 1).
 */
export async function getServer(access: Access, id: number, findingsPage = 1): Promise<ServerDetail | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const row = await db.server.findFirst({
    where: { id, ...organizationIdScope(access) },
    include: {
      organization: { select: { slug: true, name: true } },
      scans: { orderBy: { scannedAt: "desc" }, take: MAX_SCANS_SHOWN },
      remediations: { orderBy: { remediatedAt: "desc" }, take: MAX_REMEDIATIONS_SHOWN },
    },
  });
  if (!row) return null;
  const since = row.remediations[0]?.remediatedAt ?? null;
  const campaigns = await listCampaigns();
  const exploitedFrom = campaigns.map((c) => c.exploitedFrom).sort()[0] ?? null;
  // The check covers ProxyLogon: how far back its logs reach is told against that campaign's exploitation.
  const checked = campaigns.find((c) => c.definition.compromiseChecks.some((k) => k.id === "test-proxylogon"));
  const [scansTotal, perScan, read] = await Promise.all([
    db.scan.count({ where: { serverId: id } }),
    findingsByScan(row.scans.map((s) => s.id)),
    withReadSession(async (s) => {
      const loaded = await loadHistories(s, [id]);
      const findings = await readServerFindings(s, id, since, findingsPage, campaigns);
      const check = await latestCompromiseCheck(s, row.scans, since, findings.openIndicators, checked?.exploitedFrom ?? exploitedFrom ?? "1970-01-01");
      return { loaded, findings, check };
    }),
  ]);
  const { loaded, findings } = read;
  const history = loaded.get(id)?.history ?? { scans: [], findings: [], remediations: [] };
  const { campaigns: byCampaign, rollup } = evaluateAcrossCampaigns(history, campaigns);
  const level = patchLevelToday(row.build);
  const verdicts = campaigns.map((c) => campaignVerdict(c, byCampaign.get(c.id)!, row.build, row.scans, history.findings));
  const worstFirst = [...verdicts].sort((a, b) => severityOf(a.patchStatus) - severityOf(b.patchStatus));
  return {
    ...toServerRow(row, rollup.current.status),
    reason: rollup.current.reason,
    compromisedAt: iso(row.compromisedAt),
    guidance: guidanceFor(rollup.current.status, worstFirst.flatMap((v) => (v.install ? [v.install] : [])), level, exploitedFrom),
    campaigns: verdicts,
    patchLevel: toPatchLevelView(level),
    scans: row.scans.map((s) => toScanView(s, perScan.get(s.id), campaigns)),
    scansTotal,
    remediations: row.remediations.map((r) => ({ id: r.id, remediatedAt: r.remediatedAt.toISOString(), note: r.note, recordedBy: r.recordedBy })),
    findings,
    findingsTotal: findings.findings,
    compromiseCheck: read.check,
  };
}


function campaignVerdict(c: Campaign, evaluation: ServerEvaluation, build: string | null, scans: ScanRecord[], findings: { type: string; kind: string; at: Date }[]): CampaignVerdictView {
  const current = evaluation.current;
  const mitigations = c.mitigations.map((m) => (m.bypassedFrom ? `${m.name} (no longer counts from ${m.bypassedFrom}: ${m.bypassedBy ?? "a known exploit"} gets past it)` : m.name));
  const since = current.compromisedAt?.getTime() ?? Infinity;
  return {
    id: c.id,
    name: c.name,
    status: current.status,
    patchStatus: current.patchStatus,
    reason: current.reason,
    patchReason: current.patchReason,
    install: current.patchStatus === "patched" ? null : c.judgeBuildInDetail(build).install,
    mitigations,
    toolVerdicts: toolVerdicts(scans, c),
    findings: findings.filter((f) => f.kind === "indicator" && c.cves.includes(f.type) && f.at.getTime() >= since).length,
  };
}

// Each tool's latest verdict for this campaign, beside ours from the same scan's build.
function toolVerdicts(scans: ScanRecord[], c: Campaign): ToolVerdictView[] {
  const seen = new Set<string>();
  const views: ToolVerdictView[] = [];
  for (const s of scans) {
    const stored = parseToolVerdict(s.toolVerdict);
    if (!stored || s.patchEvidence === "offline" || seen.has(s.source)) continue;
    const facts = scanFacts(s);
    const verdict = toolVerdictFor(stored, facts.signals ?? [], c);
    if (!verdict) continue;
    seen.add(s.source);
    const judged = judgeScan({ ...facts, patchEvidence: "build" }, NO_FINDINGS, c).status;
    const ours = judged === "compromised" ? "unknown" : judged;
    const tool = toolOfSource(s.source) ?? stored.tool;
    views.push({ tool, scannedAt: s.scannedAt.toISOString(), ...verdict, ours, ...compareToolVerdict({ tool, ...verdict }, ours) });
  }
  return views;
}

function toPatchLevelView(level: PatchLevel): PatchLevelView {
  return {
    build: level.build,
    determined: level.determined,
    product: level.product,
    release: level.release,
    releaseDate: level.releaseDate,
    supported: level.supported,
    extendedSupportEnds: level.extendedSupportEnds,
    installed: level.installed ? { update: level.installed.update, securityUpdate: level.installed.securityUpdate } : null,
    updatesBehind: level.securityUpdatesBehind,
    missing: level.missingSecurityUpdates,
    openCves: level.openCves.map((c) => ({ cve: c.cve, fixedBy: c.fixedBy, install: c.install, kev: c.kev ? { added: c.kev.dateAdded, ransomware: c.kev.knownRansomwareUse } : null })),
    undeterminedCves: level.undeterminedCves,
    reason: level.reason,
  };
}

// Per scan: how many indicators and suspicious files it reported, and a label per type for the history.
async function findingsByScan(scanIds: number[]): Promise<Map<number, ScanFindings>> {
  const groups = await db.indicator.groupBy({ by: ["scanId", "type", "kind"], where: { scanId: { in: scanIds } }, _count: { _all: true } });
  const byScan = new Map<number, ScanFindings>();
  for (const g of groups) {
    const entry = byScan.get(g.scanId) ?? { indicators: 0, suspiciousFiles: 0, labels: [] };
    const n = g._count._all;
    if (g.kind === "suspicious-file") entry.suspiciousFiles += n;
    else entry.indicators += n;
    entry.labels.push(n === 1 ? g.type : `${g.type} ×${n}`);
    byScan.set(g.scanId, entry);
  }
  return byScan;
}

const NO_FINDINGS: ScanFindings = { indicators: 0, suspiciousFiles: 0, labels: [] };

// The history shows what each scan said on its own: for the campaigns disclosed by then, the worst of them.
function toScanView(s: ScanRecord, found: ScanFindings = NO_FINDINGS, campaigns: readonly Campaign[]): ScanView {
  const facts: ScanFacts = scanFacts(s);
  const day = s.scannedAt.toISOString().slice(0, 10);
  const known = campaigns.filter((c) => c.disclosed <= day);
  const judged = (known.length ? known : campaigns).map((c) => ({ c, j: judgeScan(facts, found, c) }));
  const worst = judged.sort((a, b) => severityOf(a.j.status) - severityOf(b.j.status))[0];
  const verdict = { status: worst.j.status, reason: judged.length > 1 ? `${worst.c.name}: ${worst.j.reason}` : worst.j.reason };
  return {
    id: s.id,
    scannedAt: s.scannedAt.toISOString(),
    build: normalizeBuild(s.build),
    ipAddress: s.ipAddress,
    status: verdict.status,
    reason: verdict.reason,
    indicators: found.labels,
    indicatorCount: found.indicators,
    suspiciousFiles: found.suspiciousFiles,
    mitigation: s.mitigation,
    source: s.source,
    tool: toolOfSource(s.source),
    patchEvidence: facts.patchEvidence ?? "build",
    logAgeDays: s.logAgeDays,
  };
}

// A Test-ProxyLogon run is the compromise check: its scan says nothing about the build. The card is told from the
// server's open indicators, counted by the same query as the findings list, so the two never disagree.
async function latestCompromiseCheck(s: SqlSession, scans: ScanRecord[], since: Date | null, openOnServer: number, exploitedFrom: string): Promise<CompromiseCheckView | null> {
  const check = scans.find((scan) => scan.source === "test-proxylogon");
  if (!check) return null;
  const { open, cleared } = await readScanFindings(s, check.id, since);
  const tool = toolOfSource(check.source) ?? "Test-ProxyLogon";
  const explained = explainCompromiseCheck({ checkedAt: check.scannedAt, logAgeDays: check.logAgeDays, tool, open, cleared }, openOnServer, exploitedFrom);
  return { checkedAt: check.scannedAt.toISOString(), tool, indicatorCount: open + cleared, logAgeDays: check.logAgeDays, ...explained };
}
