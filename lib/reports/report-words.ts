// The words both renderers of the client report use (the printable page and the PDF), so they say the same.
// Pure: no framework imports.
import { digestIsQuiet, type WeeklyDigest } from "../domain/digest";
import { HUNT_LABELS } from "../domain/hunt";
import type { ClientReport, ReportSection, ReportServer, ReportTimeToPatch } from "../domain/reports/client-report";
import { STATUSES, STATUS_LABELS, type StatusCounts } from "../domain/statuses";

const day = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });
const integer = new Intl.NumberFormat("en-US");

/** "Mar 4, 2021" (UTC) from an ISO time or a YYYY-MM-DD day. */
export const reportDay = (iso: string) => day.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
export const reportNumber = (n: number) => integer.format(n);
export const plural = (n: number, word: string) => `${reportNumber(n)} ${word}${n === 1 ? "" : "s"}`;

export function percentPatched(counts: StatusCounts, servers: number): string {
  return servers ? `${Math.round((100 * counts.patched) / servers)}%` : "0%";
}

/** The report's title: whose report it is. */
export function reportTitle(report: ClientReport): string {
  return report.kind === "fleet" ? "Fleet report: every client" : `Exchange security report: ${report.sections[0]?.organization.name ?? ""}`;
}

export const reportFrom = (report: ClientReport) => report.branding.name ?? "Patchboard";

/** One line per status with its count, worst first, for a summary sentence. */
export function countsLine(counts: StatusCounts): string {
  return STATUSES.map((s) => `${reportNumber(counts[s])} ${STATUS_LABELS[s].toLowerCase()}`).join(", ");
}

/** "Exchange Server 2019 CU12", or what is known of it. */
export function productLine(s: Pick<ReportServer, "product" | "cumulativeUpdate" | "build">): string {
  const product = [s.product, s.cumulativeUpdate].filter(Boolean).join(" ");
  return product || (s.build ? `build ${s.build}` : "build unknown");
}

/** "3 SUs behind, 12 open CVEs", "up to date", "cannot tell from the build". */
export function patchLevelLine(s: Pick<ReportServer, "updatesBehind" | "openCves" | "supported">): string {
  const parts: string[] = [];
  if (s.updatesBehind === null) parts.push("updates behind unknown");
  else parts.push(s.updatesBehind === 0 ? "no security update behind" : `${plural(s.updatesBehind, "security update")} behind`);
  if (s.openCves > 0) parts.push(plural(s.openCves, "open CVE"));
  if (s.supported === false) parts.push("out of support");
  return parts.join(", ");
}

export const huntLabel = (s: ReportServer) => (s.hunt ? HUNT_LABELS[s.hunt] : "");
export const lastScanLine = (iso: string | null) => (iso ? reportDay(iso) : "never");

/** The time-to-patch figures as label and value pairs. */
export function timeToPatchLines(t: ReportTimeToPatch): [string, string][] {
  const days = (n: number | null) => (n === null ? "n/a" : plural(n, "day"));
  const rows: [string, string][] = [
    ["Target", t.targetDays === null ? "each organization's own" : plural(t.targetDays, "day")],
    ["Median time to patch", days(t.median)],
    ["90th percentile", days(t.p90)],
    ["Patched within the target", t.patched ? `${reportNumber(t.withinTarget)} of ${reportNumber(t.patched)} (${Math.round((100 * t.withinTarget) / t.patched)}%)` : "none patched yet"],
    ["Still open", `${reportNumber(t.open)} (${reportNumber(t.openPastTarget)} past the target)`],
  ];
  return rows;
}

/** What a cap left out, in words; null when nothing was. */
export function truncationNote(shown: number, total: number, what: string): string | null {
  return total > shown ? `This report lists the first ${reportNumber(shown)} of ${reportNumber(total)} ${what} (worst first); the dashboard has them all.` : null;
}

/** "This week: Nov 26 – Dec 2, 2026" */
export const digestHeading = (d: WeeklyDigest) => `This week: ${reportDay(d.week.from)} – ${reportDay(d.week.until)}`;

/** The week in one sentence, for both renderers and the fleet report's client sections. */
export function digestSummary(d: WeeklyDigest): string {
  if (digestIsQuiet(d)) return "A quiet week: no server changed status, no new finding was reported, and no hunt was done.";
  const found = d.hunts.items.filter((h) => h.result === "found").length;
  return [
    `${reportNumber(d.patched.total)} newly patched`,
    `${reportNumber(d.exposed.total)} newly exposed`,
    d.findings.total ? `new findings on ${plural(d.findings.total, "server")}` : "no new findings",
    `${plural(d.hunts.total, "hunt")} done${found ? ` (${reportNumber(found)} found something)` : ""}`,
  ].join(", ").replace(/^./, (c) => c.toUpperCase()) + ".";
}

/** "Decommissioned, not counted: EX01 (since Mar 4, 2021), EX02." or null when none is. */
export function decommissionedLine(section: Pick<ReportSection, "decommissioned" | "decommissionedTotal">): string | null {
  const list = section.decommissioned ?? [];
  if (list.length === 0) return null;
  const names = list.map((s) => (s.since ? `${s.hostname} (since ${reportDay(s.since)})` : s.hostname)).join(", ");
  const more = (section.decommissionedTotal ?? list.length) - list.length;
  return `Decommissioned, so left out of the counts and the table: ${names}${more > 0 ? `, and ${reportNumber(more)} more` : ""}.`;
}
