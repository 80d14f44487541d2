// Answers of one server's routes: its verdicts and patch level, the hunts recorded on it, its lifecycle marks.
import { z } from "zod";
import type { Guidance } from "../../domain/guidance";
import { HUNT_RESULTS } from "../hunts";
import type { CampaignVerdictView, CompromiseCheckView, PatchLevelView, RecordedHuntView, RemediationView, ServerDetail, ServerLifecycleView, ToolVerdictView } from "../../views";
import type { Agree } from "./agree";
import { count, isoDay, isoTime, status } from "./common";
import { serverRow } from "./fleet";

export const guidance = z
  .object({
    action: z.string().describe("the next action, in one or two sentences"),
    install: z.array(z.string()).describe("what to install, one line per update, worst campaign first"),
  })
  .describe("What to do next about a server.");

export const toolVerdict = z
  .object({
    tool: z.string(),
    scannedAt: isoTime,
    vulnerable: z.union([z.boolean(), z.literal("unknown")]),
    cves: z.array(z.string()),
    ours: z.enum(["patched", "unpatched", "mitigated", "unknown"]).describe("our verdict from that scan's build"),
    agrees: z.boolean().nullable(),
    text: z.string(),
  })
  .describe("A tool's own verdict (Health Checker, Nessus, nmap) beside ours for the same scan.");

export const campaignVerdict = z
  .object({
    id: z.string(),
    name: z.string(),
    status,
    patchStatus: status.describe("the status without the compromise, which is server-wide"),
    reason: z.string(),
    patchReason: z.string().describe("the reason without the compromise sentence"),
    install: z.string().nullable().describe("what to install for this campaign; null when nothing is needed or the build says too little"),
    mitigations: z.array(z.string()).describe("the stopgaps that count for this campaign, and what gets past them"),
    toolVerdicts: z.array(toolVerdict).describe("latest first"),
    findings: count.describe("open findings a tool tied to this campaign"),
  })
  .describe("One campaign's verdict on a server.");

export const patchLevel = z
  .object({
    build: z.string().nullable(),
    determined: z.boolean().describe("false when the build cannot tell which updates are installed"),
    product: z.string().nullable(),
    release: z.string().nullable(),
    releaseDate: isoDay.nullable(),
    supported: z.boolean().nullable(),
    extendedSupportEnds: isoDay.nullable(),
    installed: z.object({ update: z.string(), securityUpdate: z.string().nullable() }).nullable(),
    updatesBehind: count.nullable(),
    missing: z.array(z.object({ securityUpdate: z.string(), released: isoDay })),
    openCves: z
      .array(z.object({ cve: z.string(), fixedBy: z.string(), install: z.string(), kev: z.object({ added: isoDay, ransomware: z.boolean() }).nullable() }))
      .describe("open CVEs, known-exploited first"),
    undeterminedCves: z.array(z.string()),
    reason: z.string(),
  })
  .describe("A server's patch level, from its build and the build table alone.");

export const compromiseCheck = z
  .object({
    checkedAt: isoTime,
    tool: z.string(),
    indicatorCount: count,
    logAgeDays: z.number().nullable(),
    headline: z.string(),
    logCoverage: z.string().nullable(),
    logsTooShort: z.boolean(),
    tone: z.enum(["found", "clean"]).describe('"clean" exactly when the server has no open indicator'),
    note: z.string().nullable(),
  })
  .describe("The latest compromise check of a server, explained.");

export const remediation = z.object({ id: z.number().int(), remediatedAt: isoTime, note: z.string(), recordedBy: z.string() });

export const serverDetail = serverRow
  .omit({ organizationName: true })
  .extend({
    reason: z.string().describe("the verdict explained in words"),
    compromisedAt: isoTime.nullable(),
    guidance,
    campaigns: z.array(campaignVerdict).describe("every campaign's verdict, in the dashboard's order"),
    patchLevel,
    scansTotal: count,
    remediations: z.array(remediation),
    findingsTotal: count.describe("findings as the scans listed them"),
    compromiseCheck: compromiseCheck.nullable(),
  })
  .describe("One server: its roll-up verdict, every campaign's verdict with the reason, its patch level, what to install.");
export const serverAnswer = z.object({ server: serverDetail });
export type ServerAnswer = z.infer<typeof serverAnswer>;

export const recordedHunt = z
  .object({
    id: z.number().int(),
    fromDay: isoDay,
    toDay: isoDay,
    tool: z.string(),
    result: z.enum(HUNT_RESULTS),
    note: z.string(),
    recordedBy: z.string(),
    createdAt: isoTime,
  })
  .describe("A hunt recorded by hand, done with another tool.");
export const huntsAnswer = z.object({ hunts: z.array(recordedHunt).describe("latest first") });
export const huntRecorded = z.object({ hunt: recordedHunt });
export type HuntsAnswer = z.infer<typeof huntsAnswer>;
export type HuntRecorded = z.infer<typeof huntRecorded>;

export const lifecycleMark = z
  .object({
    id: z.number().int(),
    kind: z.enum(["disconnected", "reconnected", "decommissioned", "recommissioned"]),
    at: isoTime,
    note: z.string(),
    recordedBy: z.string(),
  })
  .describe("A technician's mark on a server.");
export const lifecycleAnswer = z.object({
  disconnected: z.boolean(),
  decommissioned: z.boolean(),
  marks: z.array(lifecycleMark).describe("latest first"),
});
export const lifecycleMarked = z.object({ mark: lifecycleMark });
export type LifecycleAnswer = z.infer<typeof lifecycleAnswer>;
export type LifecycleMarked = z.infer<typeof lifecycleMarked>;


const _agree: [
  Agree<z.infer<typeof guidance>, Guidance>,
  Agree<z.infer<typeof toolVerdict>, ToolVerdictView>,
  Agree<z.infer<typeof campaignVerdict>, CampaignVerdictView>,
  Agree<z.infer<typeof patchLevel>, PatchLevelView>,
  Agree<z.infer<typeof compromiseCheck>, CompromiseCheckView>,
  Agree<z.infer<typeof remediation>, RemediationView>,
  Agree<z.infer<typeof serverDetail>, Omit<ServerDetail, "organizationName" | "scans" | "findings">>,
  Agree<z.infer<typeof recordedHunt>, RecordedHuntView>,
  Agree<z.infer<typeof lifecycleMark>, ServerLifecycleView>,
] = [true, true, true, true, true, true, true, true, true];
