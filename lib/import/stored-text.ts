// PostgreSQL's text holds no U+0000 (SQLite's does): one NUL in a server's name, an organization or a finding
// failed the whole import with a 500 there, and a dry run too (its lookups send the name). Files carry them: a log
// line of a file saved as UTF-16 and read otherwise, a JSON "\u0000", a directory name's escape \00. Found by fuzzing.

export const hasNul = (text: string): boolean => text.includes("\u0000");

/** The text with each NUL shown as U+FFFD, as undecodable bytes are: what the tool wrote, storable everywhere. */
export function withoutNul(text: string): string {
  return hasNul(text) ? text.replace(/\u0000/g, "\ufffd") : text;
}

/** Control characters (C0 and DEL) have no place in a name typed by a person: an organization, a file name. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
