// A table in the PDF: a header row repeated on every page it runs onto, rows as tall as their longest cell.
import { pdfText } from "./pdf-text";
import { bottom, contentWidth, INK, left, MUTED, RULE, type Doc } from "./pdf-layout";

export interface PdfColumn<T> {
  header: string;
  /** share of the table's width */
  width: number;
  cell: (row: T) => string;
  /** a color for the cell's text (a status) */
  color?: (row: T) => string | undefined;
  bold?: boolean;
}

const FONT_SIZE = 8;
const PAD = 3;

export function drawTable<T>(doc: Doc, columns: PdfColumn<T>[], rows: readonly T[]): void {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const xs = widths.map((_, i) => left(doc) + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const heightOf = (texts: string[], bold: boolean) =>
    Math.max(...texts.map((t, i) => doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(FONT_SIZE).heightOfString(t, { width: widths[i] - 2 * PAD }))) + 2 * PAD;

  const drawRow = (texts: string[], opts: { header?: boolean; colors?: (string | undefined)[] }) => {
    const height = heightOf(texts, Boolean(opts.header));
    const y = doc.y;
    if (opts.header) doc.rect(left(doc), y, contentWidth(doc), height).fill("#f3f4f6");
    texts.forEach((text, i) => {
      doc
        .font(opts.header || columns[i].bold ? "Helvetica-Bold" : "Helvetica")
        .fontSize(FONT_SIZE)
        .fillColor(opts.header ? MUTED : (opts.colors?.[i] ?? INK))
        .text(text, xs[i] + PAD, y + PAD, { width: widths[i] - 2 * PAD });
    });
    doc.moveTo(left(doc), y + height).lineTo(left(doc) + contentWidth(doc), y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = left(doc);
    doc.y = y + height;
  };

  const headers = columns.map((c) => pdfText(c.header));
  const headerHeight = heightOf(headers, true);
  if (doc.y + headerHeight * 2 > bottom(doc)) doc.addPage();
  drawRow(headers, { header: true });
  for (const row of rows) {
    const texts = columns.map((c) => pdfText(c.cell(row)));
    // A row never splits across pages: it moves to the next one, under the header again.
    if (doc.y + heightOf(texts, false) > bottom(doc)) {
      doc.addPage();
      drawRow(headers, { header: true });
    }
    drawRow(texts, { colors: columns.map((c) => c.color?.(row)) });
  }
  doc.moveDown(0.5);
}
