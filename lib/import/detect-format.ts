// Which parser reads an upload, decided from its first bytes. The content decides; the file name is only a hint,
// used where the content alone cannot tell (Test-ProxyLogon's plain .log path lists, a Health Checker report cut
// before its "Servers" key), so a canonical CSV named report.json is still read as canonical CSV.
import { parse } from "csv-parse/sync";
import { matchCanonicalHeader } from "./csv-header";
import { ImportFileError } from "./import-file-error";
import { looksLikeNessusCsv } from "./parsers/nessus-csv";
import { SNIFF_BYTES, utf8OrWindows1252 } from "./text-decode";

export type ScanFormat = "canonical-csv" | "test-proxylogon" | "health-checker" | "nmap-xml" | "nessus-csv" | "zip" | "unknown-csv";

const FORMATS: readonly ScanFormat[] = ["canonical-csv", "test-proxylogon", "health-checker", "nmap-xml", "nessus-csv", "zip", "unknown-csv"];
export const DETECT_HEAD_BYTES = SNIFF_BYTES;

const READABLE_FORMATS =
  "Patchboard reads: the canonical scan CSV (organization, hostname, exchange_build, scanned_at, ...), " +
  "Test-ProxyLogon output files (CSV and .log), Exchange Health Checker vulnerability reports (JSON), " +
  "nmap XML output (-oX), Nessus / Tenable CSV exports, other comma-, semicolon- or tab-separated files " +
  "with a header row (mapped to columns by hand), and ZIP archives of these.";

// Test-ProxyLogon writes <PC>-Cve-2021-26855.csv, -26857.csv, -26858.log, -26858-DownloadPaths.log,
// -27065.log, -27065-ResetVDir.csv, -other.csv and -LogAgeDays.csv (CSS-Exchange, Test-ProxyLogon.ps1).
const PROXYLOGON_FILE = /-(?:Cve-2021-(?:2685[5-8]|27065)[^/\\]*|other\.csv|LogAgeDays\.csv)$/i;
// Its CSV headers, normalised (lower case, no spaces or underscores); a header holding all of one set matches.
const PROXYLOGON_HEADERS = [
  ["datetime", "requestid", "clientipaddress", "urlhost"], // -Cve-2021-26855.csv, -27065-ResetVDir.csv
  ["timecreated", "machinename", "message"], // -Cve-2021-26857.csv
  ["computername", "type", "path", "name", "lastwrite"], // -other.csv
];
const HEALTH_CHECKER_FILE = /HealthChecker-VulnerabilityReport[^/\\]*\.json$/i;
const DELIMITERS = [",", ";", "\t", "|"];
// Share of control or undecodable characters above which the head is binary, not text in an odd encoding:
// text has next to none, random bytes about one in seven.
const MAX_BINARY_SHARE = 0.1;

export function detectFormat(head: Buffer, fileName?: string | null): ScanFormat {
  const bytes = head.subarray(0, DETECT_HEAD_BYTES);
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return "zip";
  const text = decodeHead(bytes);
  const name = fileName?.trim() ?? "";
  const start = text.trimStart();
  if (start === "") throw unrecognized("the file is empty");
  if (looksBinary(text)) throw unrecognized("it is binary, not text");

  // Any XML goes to the nmap parser, the only XML one: it names the root element it found if that is not nmap's.
  if (start.startsWith("<?xml") || (start.startsWith("<") && start.includes("<nmaprun"))) return "nmap-xml";
  if (start.startsWith("{")) {
    if (/"Servers"\s*:/.test(start) || HEALTH_CHECKER_FILE.test(name)) return "health-checker";
    throw unrecognized('it is JSON without the "Servers" list of a Health Checker report');
  }

  const header = readHeaderRow(bytes);
  if (header !== null) {
    if (matchCanonicalHeader(header).ok) return "canonical-csv";
    if (looksLikeNessusCsv(header)) return "nessus-csv";
    const names = new Set(header.map((h) => h.replace(/[\s_]+/g, "").toLowerCase()));
    if (PROXYLOGON_HEADERS.some((set) => set.every((column) => names.has(column)))) return "test-proxylogon";
  }
  if (PROXYLOGON_FILE.test(name)) return "test-proxylogon";
  if (isDelimitedHeader(firstLine(text))) return "unknown-csv";
  throw unrecognized("it is text, but its first line is not a header row of named columns");
}

// The first CSV row (comma-separated), after a byte-order mark and PowerShell 5.1's "#TYPE ..." line; null when
// the head has no such row or it cannot be read as CSV.
export function readHeaderRow(head: Buffer): string[] | null {
  const line = firstLine(decodeHead(head.subarray(0, DETECT_HEAD_BYTES)));
  if (line === null) return null;
  try {
    const rows = parse(line, { trim: true, relax_quotes: true, relax_column_count: true }) as string[][];
    return rows.length === 0 ? null : rows[0].map((field) => field.trim());
  } catch {
    return null; // e.g. a quote still open where the 64 KB head was cut
  }
}

// UTF-16 when a byte-order mark says so (PowerShell's Out-File and Windows tools write UTF-16LE); otherwise
// UTF-8, or windows-1252 when the head is not valid UTF-8, as decodeText decides for the parsers, so that the
// header names shown here are the ones the importer will read.
function decodeHead(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16(); // big-endian: swap to LE
    return new TextDecoder("utf-16le").decode(swapped);
  }
  // Streaming: see decodeText on Node's windows-1252 shortcut. A character cut at the end of the head is dropped.
  const encoding = utf8OrWindows1252(bytes, bytes.length < DETECT_HEAD_BYTES); // a shorter head is the whole file
  return new TextDecoder(encoding).decode(bytes, { stream: true }).replace(/^\uFEFF/, "");
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true; // no text format we read contains NUL
    // C1 controls: what windows-1252 makes of the bytes it leaves undefined.
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 127 && c < 160) || c === 0xfffd) odd++;
  }
  return odd > sample.length * MAX_BINARY_SHARE;
}

// The first non-blank line, skipping "#TYPE System.Management.Automation.PSCustomObject" (Windows PowerShell 5.1).
function firstLine(text: string): string | null {
  let skippedType = false;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.trim() === "") continue;
    if (!skippedType && /^#TYPE\b/i.test(line.trim())) {
      skippedType = true;
      continue;
    }
    return line;
  }
  return null;
}

// A header row: at least two named columns separated by one of the usual delimiters.
function isDelimitedHeader(line: string | null): boolean {
  if (line === null) return false;
  return DELIMITERS.some((d) => {
    const fields = line.split(d).map((f) => f.trim().replace(/^"|"$/g, ""));
    return fields.length >= 2 && fields.filter((f) => f !== "").length >= 2;
  });
}

function unrecognized(why: string): ImportFileError {
  return new ImportFileError("unrecognized_format", `Unrecognized file format: ${why}. ${READABLE_FORMATS}`, { formats: FORMATS });
}
