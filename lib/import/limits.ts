// Bounds every parser shares, so one uploaded file cannot take the import process's memory (300 MB for the
// whole server): each is far above what the real tools write, and going past one rejects the file (422) with
// a message that says which limit and where. Format-specific limits live with their parsers.
import { ImportFileError } from "./import-file-error";

/**
 * Distinct servers one file may name. The import keeps an id per server it touched until the file is
 * committed; real files name a few (Test-ProxyLogon, Health Checker) to tens of thousands (a fleet inventory).
 */
export const MAX_SERVERS_PER_FILE = 250_000;
/**
 * The times a tool's file may state (a report's date, a host's scan start, when a finding was written): no Exchange
 * scan or finding predates 2000, and PostgreSQL's timestamp stores neither year 0 nor a year past 9999 (one such time
 * failed the whole import with a 500). Found by fuzzing: .NET's /Date(-999999999999999)/, an nmap starttime of 12
 * digits, a Test-ProxyLogon date of year 0000.
 */
export const EARLIEST_TOOL_TIME_MS = Date.UTC(2000, 0, 1);
export const LATEST_TOOL_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The time a tool's file states, or null when it is no real one: the file then states none, as with unreadable text. */
export function toolTime(ms: number): Date | null {
  return Number.isFinite(ms) && ms >= EARLIEST_TOOL_TIME_MS && ms <= LATEST_TOOL_TIME_MS ? new Date(ms) : null;
}

/** DNS names are at most 253 characters; NetBIOS names 15. */
export const MAX_HOSTNAME_CHARS = 255;
/** As the canonical CSV's organization column. */
export const MAX_ORGANIZATION_CHARS = 200;

/**
 * Counts the distinct servers of a file and rejects it past `max` (too_many_servers). Keys are kept as 30-bit
 * hashes of organization and hostname (case-insensitive, as servers are matched), a small integer each instead
 * of a string: 250,000 of them take a few MB. A rare collision only lets a file name a few more servers.
 */
export class ServerCounter {
  private readonly seen = new Set<number>();

  constructor(
    private readonly max = MAX_SERVERS_PER_FILE,
    private readonly where = (line: number) => `Line ${line}: the file names`,
  ) {}

  get size(): number {
    return this.seen.size;
  }

  add(organization: string, hostname: string, line: number): void {
    const key = hash(hostname, hash(organization, 0x811c9dc5));
    if (this.seen.has(key)) return;
    if (this.seen.size >= this.max) throw tooManyServers(this.max, this.where(line), line);
    this.seen.add(key);
  }
}

/** `where`: "Line 12: the file names", "EXCH01-other.csv line 12: the Test-ProxyLogon run names". */
export function tooManyServers(max: number, where: string, line: number | null): ImportFileError {
  return new ImportFileError(
    "too_many_servers",
    `${where} more than ${max.toLocaleString("en-US")} servers; the file was not imported. Split it into smaller files.`,
    { line, maxServers: max },
  );
}

// FNV-1a over UTF-16 code units, ASCII letters folded to lower case, then a separator; 30 bits keep it a small
// integer (no heap number per key).
function hash(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return Math.imul(h ^ 0x1f, 0x01000193) & 0x3fffffff;
}
