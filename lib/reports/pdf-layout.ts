// The PDF's page, colors and small drawing helpers (pdfkit, built-in Helvetica: no font files of our own).
import type PDFDocument from "pdfkit";
import type { Status } from "../domain/statuses";
import { pdfText } from "./pdf-text";

export type Doc = InstanceType<typeof PDFDocument>;

export const PAGE = { size: "A4" as const, margin: 48 };
export const INK = "#111827";
export const MUTED = "#4b5563";
export const RULE = "#d1d5db";
/** the dashboard's status colors (globals.css, light theme) */
export const STATUS_COLORS: Record<Status, string> = {
  patched: "#16a34a",
  unpatched: "#d97706",
  mitigated: "#2563eb",
  compromised: "#dc2626",
  unknown: "#6b7280",
};

export const left = (doc: Doc) => doc.page.margins.left;
export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when fewer than `height` points are left on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) {
    doc.addPage();
  }
}

export function heading(doc: Doc, text: string, size = 14): void {
  ensureSpace(doc, size * 3);
  doc.moveDown(0.6);
  doc.font("Helvetica-Bold").fontSize(size).fillColor(INK).text(pdfText(text), left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, opts: { size?: number; color?: string; bold?: boolean } = {}): void {
  doc
    .font(opts.bold ? "Helvetica-Bold" : "Helvetica")
    .fontSize(opts.size ?? 10)
    .fillColor(opts.color ?? INK)
    .text(pdfText(text), left(doc), doc.y, { width: contentWidth(doc) });
}

/** "Page 3 of 12" and who made it, at the foot of every page, once all pages exist. */
export function footers(doc: Doc, line: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit start a page: the margin is lifted while the footer is drawn.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(MUTED)
      .text(pdfText(`${line} · Page ${i + 1} of ${range.count}`), left(doc), doc.page.height - margin + 16, { width: contentWidth(doc), align: "center", lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
