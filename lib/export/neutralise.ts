// A spreadsheet reads a cell that starts with one of these as a formula (or, for tab and carriage return, strips
// them and may then read one): `=HYPERLINK(...)` in a hostname must arrive as text, never run. OWASP's advice for
// CSV injection: prefix a single quote, which spreadsheets show as text and do not evaluate.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet will show it and never evaluate: a leading `'` before a formula's first character. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Would a spreadsheet read this text as the start of a formula? */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
