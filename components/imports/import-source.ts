/** How an import arrived, in words: the upload page, a script with a token, or the demo data. */
export function importSourceLabel(source: string): string {
  if (source === "upload") return "Upload page";
  if (source === "api") return "API";
  if (source === "demo") return "Demo data";
  return source;
}

/** An import's name for people: its file name(s), else its number. */
export function importTitle(row: { id: number; fileName: string | null }): string {
  return row.fileName ?? `Import #${row.id}`;
}
