// The summary cards and the trend in the PDF, drawn as vectors: stacked areas of the servers in each status per
// day (the dashboard's chart, in the same colors and order), with the first and last day and the largest total.
import type { ReportTrendDay } from "../domain/reports/client-report";
import { STATUSES, STATUS_LABELS, type Status, type StatusCounts } from "../domain/statuses";
import { pdfText } from "./pdf-text";
import { contentWidth, ensureSpace, INK, left, MUTED, RULE, STATUS_COLORS, type Doc } from "./pdf-layout";
import { percentPatched, reportDay, reportNumber } from "./report-words";

// Bottom to top, as on the dashboard: patched at the base, compromised on top.
const STACK: Status[] = ["patched", "mitigated", "unknown", "unpatched", "compromised"];

export function drawCards(doc: Doc, counts: StatusCounts, servers: number): void {
  const height = 46;
  ensureSpace(doc, height + 20);
  const gap = 6;
  const cards: [string, string, string][] = [
    ["Servers", reportNumber(servers), INK],
    ...STATUSES.map((s): [string, string, string] => [STATUS_LABELS[s], reportNumber(counts[s]), STATUS_COLORS[s]]),
    ["Patched", percentPatched(counts, servers), INK],
  ];
  const width = (contentWidth(doc) - gap * (cards.length - 1)) / cards.length;
  const y = doc.y;
  cards.forEach(([label, value, color], i) => {
    const x = left(doc) + i * (width + gap);
    doc.roundedRect(x, y, width, height, 4).lineWidth(0.75).strokeColor(RULE).stroke();
    doc.rect(x, y, 3, height).fill(color);
    doc.font("Helvetica-Bold").fontSize(16).fillColor(INK).text(value, x + 8, y + 8, { width: width - 12, lineBreak: false });
    doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(label, x + 8, y + 30, { width: width - 12, lineBreak: false });
  });
  doc.x = left(doc);
  doc.y = y + height + 10;
}

export function drawTrend(doc: Doc, days: readonly ReportTrendDay[], caption: string): void {
  const height = 150;
  ensureSpace(doc, height + 50);
  doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(pdfText(caption), left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  const top = doc.y;
  const x0 = left(doc) + 28;
  const width = contentWidth(doc) - 28;
  if (days.length === 0) {
    doc.font("Helvetica").fontSize(9).fillColor(MUTED).text("No scan history yet.", left(doc), top + 4);
    doc.moveDown(0.5);
    return;
  }
  const totals = days.map((d) => STATUSES.reduce((sum, s) => sum + d[s], 0));
  const max = Math.max(1, ...totals);
  const xAt = (i: number) => x0 + (days.length === 1 ? width / 2 : (i / (days.length - 1)) * width);
  const yAt = (v: number) => top + height - (v / max) * height;
  // Axis and the largest total.
  doc.moveTo(x0, top).lineTo(x0, top + height).lineTo(x0 + width, top + height).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.font("Helvetica").fontSize(7).fillColor(MUTED).text(reportNumber(max), left(doc), top - 3, { width: 24, align: "right", lineBreak: false });
  doc.text("0", left(doc), top + height - 4, { width: 24, align: "right", lineBreak: false });
  // Each status's band: the running sum below it to the running sum with it, left to right and back.
  const base = days.map(() => 0);
  for (const status of STACK) {
    const upper = days.map((d, i) => base[i] + d[status]);
    if (upper.some((v, i) => v > base[i])) {
      doc.moveTo(xAt(0), yAt(base[0]));
      if (days.length === 1) {
        doc.lineTo(xAt(0) - 4, yAt(base[0])).lineTo(xAt(0) - 4, yAt(upper[0])).lineTo(xAt(0) + 4, yAt(upper[0])).lineTo(xAt(0) + 4, yAt(base[0]));
      } else {
        for (let i = 0; i < days.length; i++) doc.lineTo(xAt(i), yAt(upper[i]));
        for (let i = days.length - 1; i >= 0; i--) doc.lineTo(xAt(i), yAt(base[i]));
      }
      doc.closePath().fillOpacity(0.85).fill(STATUS_COLORS[status]).fillOpacity(1);
    }
    upper.forEach((v, i) => (base[i] = v));
  }
  const labelY = top + height + 3;
  doc.font("Helvetica").fontSize(7).fillColor(MUTED);
  doc.text(reportDay(days[0].date), x0, labelY, { width: 80, lineBreak: false });
  if (days.length > 1) doc.text(reportDay(days[days.length - 1].date), x0 + width - 80, labelY, { width: 80, align: "right", lineBreak: false });
  // The legend, with the last day's counts: the numbers are in the text too.
  const last = days[days.length - 1];
  let x = x0;
  const legendY = labelY + 12;
  for (const status of STATUSES) {
    const label = `${STATUS_LABELS[status]} ${reportNumber(last[status])}`;
    doc.rect(x, legendY + 1, 6, 6).fill(STATUS_COLORS[status]);
    doc.font("Helvetica").fontSize(7).fillColor(INK).text(label, x + 9, legendY, { lineBreak: false });
    x += 9 + doc.widthOfString(label) + 12;
  }
  doc.x = left(doc);
  doc.y = legendY + 16;
}
