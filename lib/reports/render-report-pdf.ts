// The client report as a PDF, built in memory on the server with pdfkit (pure JavaScript: no browser needed). Every
// word is drawn as text with the built-in Helvetica, so the PDF is searchable and user text (names, notes) is only
// ever text. The report's own caps bound its size (lib/data/reports/client-report.ts).
import PDFDocument from "pdfkit";
import { changeWords, type DigestChange, type DigestFindings, type DigestHunt, type WeeklyDigest } from "../domain/digest";
import type { ClientReport, ReportRemediation, ReportSection, ReportServer } from "../domain/reports/client-report";
import { STATUS_LABELS } from "../domain/statuses";
import { drawCards, drawTrend } from "./pdf-charts";
import { footers, heading, INK, left, MUTED, PAGE, paragraph, STATUS_COLORS, contentWidth, ensureSpace, type Doc } from "./pdf-layout";
import { drawTable, type PdfColumn } from "./pdf-table";
import { pdfText } from "./pdf-text";
import {
  countsLine,
  decommissionedLine,
  digestHeading,
  digestSummary,
  huntLabel,
  lastScanLine,
  patchLevelLine,
  plural,
  productLine,
  reportDay,
  reportFrom,
  reportTitle,
  timeToPatchLines,
  truncationNote,
} from "./report-words";

export async function renderReportPdf(report: ClientReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: pdfText(reportTitle(report)), Author: pdfText(reportFrom(report)), Creator: "Patchboard" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  titleBlock(doc, report);
  if (report.fleet) {
    heading(doc, "The whole fleet");
    paragraph(doc, `${plural(report.fleet.summary.organizations, "organization")}, ${plural(report.fleet.summary.servers, "Exchange server")}: ${countsLine(report.fleet.summary.statuses)}.`, { size: 9, color: MUTED });
    doc.moveDown(0.4);
    drawCards(doc, report.fleet.summary.statuses, report.fleet.summary.servers);
    drawTrend(doc, report.fleet.trend, "Servers in each status, per day");
    if (report.organizationsLeftOut > 0) paragraph(doc, `${plural(report.organizationsLeftOut, "organization")} left out: a report covers at most ${report.limits.organizations}.`, { size: 9, color: MUTED });
  }
  report.sections.forEach((section, i) => {
    if (report.fleet || i > 0) doc.addPage();
    drawSection(doc, report, section);
  });
  footers(doc, `${reportFrom(report)} · ${reportTitle(report)} · generated ${reportDay(report.generatedAt)}`);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function titleBlock(doc: Doc, report: ClientReport): void {
  const top = doc.y;
  let textLeft = left(doc);
  if (report.branding.logo) {
    try {
      doc.image(Buffer.from(report.branding.logo.bytes), left(doc), top, { fit: [110, 44] });
      textLeft = left(doc) + 122;
    } catch {
      // A logo pdfkit cannot read (checked by signature only) leaves the name alone at the top.
    }
  }
  const width = contentWidth(doc) - (textLeft - left(doc));
  doc.font("Helvetica-Bold").fontSize(11).fillColor(MUTED).text(pdfText(reportFrom(report)), textLeft, top, { width });
  doc.font("Helvetica-Bold").fontSize(18).fillColor(INK).text(pdfText(reportTitle(report)), textLeft, doc.y + 2, { width });
  doc.font("Helvetica").fontSize(9).fillColor(MUTED).text(pdfText(`Checked against ${report.campaign.description}.`), textLeft, doc.y + 2, { width });
  doc.text(`Generated on ${reportDay(report.generatedAt)} (UTC).`, textLeft, doc.y, { width });
  doc.x = left(doc);
  doc.y = Math.max(doc.y, top + 48) + 6;
}

function drawSection(doc: Doc, report: ClientReport, section: ReportSection): void {
  if (report.kind === "fleet") heading(doc, section.organization.name, 16);
  const { summary } = section;
  paragraph(doc, `${plural(summary.servers, "Exchange server")}: ${countsLine(summary.statuses)}.${summary.latestScanAt ? ` Latest scan: ${reportDay(summary.latestScanAt)}.` : ""}`, { size: 9, color: MUTED });
  doc.moveDown(0.4);
  drawCards(doc, summary.statuses, summary.servers);
  drawTrend(doc, section.trend, `Servers of ${section.organization.name} in each status, per day`);

  if (section.timeToPatch) {
    heading(doc, "Time to patch");
    for (const [label, value] of timeToPatchLines(section.timeToPatch)) paragraph(doc, `${label}: ${value}`, { size: 9 });
  }

  if (section.digest) drawDigest(doc, section.digest);

  heading(doc, "What remains to do");
  if (section.todo.length === 0) paragraph(doc, "Nothing: every server is patched and recently scanned.", { size: 9 });
  for (const item of section.todo) {
    ensureSpace(doc, 24);
    doc.font("Helvetica").fontSize(9).fillColor(INK).text(pdfText(`•  ${item.text}`), left(doc) + 4, doc.y, { width: contentWidth(doc) - 4 });
    doc.moveDown(0.2);
  }

  heading(doc, "Servers");
  const cut = truncationNote(section.servers.length, section.serversTotal, "servers");
  if (cut) paragraph(doc, cut, { size: 8, color: MUTED });
  if (section.servers.length === 0) paragraph(doc, section.serversTotal ? "Left out: the report's server cap was reached." : "No servers yet.", { size: 9 });
  else drawTable(doc, serverColumns(section.servers.some((s) => s.hunt)), section.servers);
  const retired = decommissionedLine(section);
  if (retired) paragraph(doc, retired, { size: 8, color: MUTED });

  heading(doc, "Remediations");
  const cutRemediations = truncationNote(section.remediations.length, section.remediationsTotal, "remediations");
  if (cutRemediations) paragraph(doc, cutRemediations, { size: 8, color: MUTED });
  if (section.remediations.length === 0) paragraph(doc, "No remediations recorded.", { size: 9 });
  else drawTable(doc, REMEDIATION_COLUMNS, section.remediations);
}

function drawDigest(doc: Doc, digest: WeeklyDigest): void {
  heading(doc, digestHeading(digest));
  paragraph(doc, digestSummary(digest), { size: 9 });
  const { before, after } = digest.counts;
  paragraph(doc, `Servers at the start of the week: ${countsLine(before)}. At its end: ${countsLine(after)}.`, { size: 8, color: MUTED });
  const changes = [
    ...digest.patched.items.map((c) => ({ ...c, what: "Newly patched" })),
    ...digest.exposed.items.map((c) => ({ ...c, what: "Newly exposed" })),
    ...digest.other.items.map((c) => ({ ...c, what: "Other change" })),
  ];
  if (changes.length) {
    doc.moveDown(0.3);
    drawTable(doc, CHANGE_COLUMNS, changes);
    const cut = digest.patched.total + digest.exposed.total + digest.other.total - changes.length;
    if (cut > 0) paragraph(doc, `and ${plural(cut, "more change")} on the dashboard.`, { size: 8, color: MUTED });
  }
  if (digest.findings.items.length) {
    doc.moveDown(0.3);
    drawTable(doc, FINDING_COLUMNS, digest.findings.items);
  }
  if (digest.hunts.items.length) {
    doc.moveDown(0.3);
    drawTable(doc, HUNT_COLUMNS, digest.hunts.items);
  }
}

const CHANGE_COLUMNS: PdfColumn<DigestChange & { what: string }>[] = [
  { header: "Server", width: 20, cell: (c) => c.hostname, bold: true },
  { header: "This week", width: 18, cell: (c) => c.what, color: (c) => (c.what === "Newly patched" ? STATUS_COLORS.patched : c.what === "Newly exposed" ? STATUS_COLORS.unpatched : undefined) },
  { header: "Status", width: 42, cell: (c) => changeWords(c.before, c.after) },
  { header: "Changed on", width: 20, cell: (c) => reportDay(c.day) },
];

const FINDING_COLUMNS: PdfColumn<DigestFindings>[] = [
  { header: "Server", width: 20, cell: (f) => f.hostname, bold: true },
  { header: "New findings", width: 22, cell: (f) => [f.indicators ? plural(f.indicators, "indicator") : "", f.suspiciousFiles ? plural(f.suspiciousFiles, "suspicious file") : ""].filter(Boolean).join(", "), color: (f) => (f.indicators ? STATUS_COLORS.compromised : undefined) },
  { header: "What", width: 34, cell: (f) => f.what.join(", ") },
  { header: "Dated from", width: 12, cell: (f) => reportDay(f.firstAt) },
  { header: "Reported", width: 12, cell: (f) => reportDay(f.reportedAt) },
];

const HUNT_COLUMNS: PdfColumn<DigestHunt>[] = [
  { header: "Server", width: 20, cell: (h) => h.hostname, bold: true },
  { header: "When", width: 14, cell: (h) => reportDay(h.at) },
  { header: "Hunt", width: 28, cell: (h) => `${h.tool}${h.kind === "recorded" ? " (recorded)" : " (uploaded)"}` },
  { header: "Result", width: 14, cell: (h) => (h.result === "found" ? "Found something" : "Clean"), color: (h) => (h.result === "found" ? STATUS_COLORS.compromised : STATUS_COLORS.patched) },
  { header: "Looked at", width: 24, cell: (h) => (h.covers ? `${reportDay(h.covers.from)} – ${reportDay(h.covers.to)}` : "") },
];

function serverColumns(withHunt: boolean): PdfColumn<ReportServer>[] {
  return [
    { header: "Server", width: 15, cell: (s) => s.hostname, bold: true },
    { header: "Status", width: 10, cell: (s) => STATUS_LABELS[s.status], color: (s) => STATUS_COLORS[s.status] },
    { header: "Patch level", width: 20, cell: (s) => `${productLine(s)}\n${patchLevelLine(s)}` },
    ...(withHunt ? [{ header: "Hunt", width: 9, cell: huntLabel }] : []),
    { header: "Last scan", width: 10, cell: (s) => lastScanLine(s.lastScanAt) },
    { header: "Why", width: 36, cell: (s) => s.reason },
  ];
}

const REMEDIATION_COLUMNS: PdfColumn<ReportRemediation>[] = [
  { header: "Date", width: 12, cell: (r) => reportDay(r.remediatedAt) },
  { header: "Server", width: 16, cell: (r) => r.hostname, bold: true },
  { header: "Note", width: 52, cell: (r) => r.note },
  { header: "Recorded by", width: 20, cell: (r) => r.recordedBy },
];
