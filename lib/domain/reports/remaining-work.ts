// "What remains to do" for a client: a short list derived from the report's servers, each item counting the
// servers it concerns. The install lines are guidance.ts's own (grouped when equal), never read back from words.
import type { ReportServer, ReportTodo } from "./client-report";

const DAY_MS = 86_400_000;
/** a server not scanned for this long is worth a rescan in a report, whatever the app's stale threshold */
export const RESCAN_AFTER_DAYS = 30;
/** install lines listed one by one; the rest are summed in one item */
const MAX_INSTALL_ITEMS = 5;

const servers = (n: number) => `${n} server${n === 1 ? "" : "s"}`;

/** The work left, most urgent first: compromises, updates, unknown builds, rescans, hunts, unsupported versions. */
export function remainingWork(list: readonly ReportServer[], asOf: Date, rescanAfterDays = RESCAN_AFTER_DAYS): ReportTodo[] {
  const todo: ReportTodo[] = [];
  const compromised = list.filter((s) => s.status === "compromised").length;
  if (compromised) {
    todo.push({
      kind: "investigate",
      servers: compromised,
      text: `Investigate ${servers(compromised)} with open signs of compromise (web shells, LSASS dumps, new accounts, scheduled tasks), clean ${compromised === 1 ? "it" : "them"}, then mark ${compromised === 1 ? "it" : "them"} remediated.`,
    });
  }

  // Servers that need an update, grouped by what to install (one line per update, as guidance.ts words it).
  const byInstall = new Map<string, number>();
  for (const s of list) {
    if (s.status === "patched") continue;
    for (const line of new Set(s.install)) byInstall.set(line, (byInstall.get(line) ?? 0) + 1);
  }
  const installs = [...byInstall].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [line, n] of installs.slice(0, MAX_INSTALL_ITEMS)) todo.push({ kind: "install", servers: n, text: `On ${servers(n)}: ${line}` });
  const others = installs.slice(MAX_INSTALL_ITEMS);
  if (others.length) {
    const n = others.reduce((sum, [, count]) => sum + count, 0);
    todo.push({ kind: "install", servers: n, text: `${others.length} other updates to install, on ${servers(n)} in all: see the servers' rows.` });
  }

  const unknown = list.filter((s) => s.status === "unknown" && s.install.length === 0).length;
  if (unknown) {
    todo.push({ kind: "find-build", servers: unknown, text: `Scan ${servers(unknown)} with a tool that reports the full four-part build (Exchange Health Checker does) to get a verdict.` });
  }

  const mitigatedOnly = list.filter((s) => s.status === "mitigated" && s.install.length === 0).length;
  if (mitigatedOnly) {
    todo.push({ kind: "mitigated", servers: mitigatedOnly, text: `Replace the mitigation with the security update on ${servers(mitigatedOnly)}: a mitigation is not a fix.` });
  }

  const before = asOf.getTime() - rescanAfterDays * DAY_MS;
  const notScanned = list.filter((s) => s.lastScanAt === null || Date.parse(s.lastScanAt) < before).length;
  if (notScanned) todo.push({ kind: "rescan", servers: notScanned, text: `Rescan ${servers(notScanned)} not scanned in ${rescanAfterDays} days.` });

  const hunts = list.filter((s) => s.hunt === "needed" || s.hunt === "partly-hunted");
  if (hunts.length) {
    const partly = hunts.filter((s) => s.hunt === "partly-hunted").length;
    todo.push({
      kind: "hunt",
      servers: hunts.length,
      text: `Hunt for compromise on ${servers(hunts.length)} exposed while the flaw was exploited${partly ? ` (${partly} only partly hunted so far)` : ""}.`,
    });
  }

  const unsupported = list.filter((s) => s.supported === false).length;
  if (unsupported) todo.push({ kind: "unsupported", servers: unsupported, text: `Plan the move of ${servers(unsupported)} to a supported Exchange version: ${unsupported === 1 ? "its" : "their"} product no longer gets security updates.` });
  return todo;
}
