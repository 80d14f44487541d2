// Microsoft's Test-ProxyLogon.ps1 output: per server <PC>, a set of CSV and log files whose rows are each an
// indicator of compromise, plus how many days of logs the check could see. Several files make one server, so
// observations are yielded after all files are read, one per server; row errors are yielded as they are met.
// Files are streamed one after another (an AsyncIterable such as zipEntries() works as well as an array).
// Decisions:
// - The script writes a CVE file only when it found something, so an unreadable row of one is still an
//   indicator ("unreadable row ..."): dropping it would turn a compromised server into a clean one.
// - A row's ComputerName/MachineName names its server; event logs give the FQDN, so a name whose first label
//   is the file's <PC> stays with <PC>.
// - Indicators are capped per server (maxIndicatorsPerServer): a mass-scanned server can log millions of
//   requests, and the count past the cap is reported instead of kept. They are capped per run too (count and
//   characters), but a server's first indicator is always kept: a cap must never make a compromised server
//   look clean.
// - A run names at most maxServers servers (too_many_servers): real runs have one per output folder. A
//   ComputerName longer than a hostname can be is not a server's name: its row stays with the file's <PC>.
import { ImportFileError } from "../import-file-error";
import { MAX_HOSTNAME_CHARS, tooManyServers } from "../limits";
import type { IndicatorObservation, ObservationRecord, ScanObservation } from "../observation";
import { decodeText, splitLines } from "../text-decode";
import { csvErrorReason, csvRows, isCsvError, parseToolDate, type CsvRow } from "./test-proxylogon-text";

export interface TestProxyLogonFile {
  name: string;
  /** bytes; string chunks (e.g. zipEntries' NodeJS.ReadableStream) are taken as UTF-8 */
  stream: AsyncIterable<Uint8Array | string>;
}

export interface TestProxyLogonOptions {
  scannedAt: Date;
  /** a CSV record or log line longer than this (in characters) cannot be read; default 1 MiB */
  maxRecordBytes?: number;
  maxIndicatorsPerServer?: number;
  /** indicators kept over the whole run (each server's first is kept regardless); default 100,000 */
  maxIndicatorsPerRun?: number;
  /** servers one run may name; default 1,000 */
  maxServers?: number;
}

type Reader = "requests" | "events" | "paths" | "other" | "log-age";

// By "<suffix>.<extension>" of the file name, lower case.
const FILES: Record<string, { reader: Reader; type: string }> = {
  "cve-2021-26855.csv": { reader: "requests", type: "CVE-2021-26855" },
  "cve-2021-27065-resetvdir.csv": { reader: "requests", type: "CVE-2021-27065" },
  "cve-2021-26857.csv": { reader: "events", type: "CVE-2021-26857" },
  "cve-2021-26858.log": { reader: "paths", type: "CVE-2021-26858" },
  "cve-2021-26858-downloadpaths.log": { reader: "paths", type: "CVE-2021-26858" },
  "cve-2021-27065.log": { reader: "paths", type: "CVE-2021-27065" },
  "other.csv": { reader: "other", type: "other" },
  "logagedays.csv": { reader: "log-age", type: "" },
};
const FILE_NAME = /^(.+?)-(cve-2021-\d{5}(?:-downloadpaths|-resetvdir)?|other|logagedays)\.(csv|log)$/i;
const DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;
const DEFAULT_MAX_INDICATORS = 10_000;
// Kept indicators cost about 100 bytes each plus their text: these keep a run's findings to a few tens of MB.
const DEFAULT_MAX_INDICATORS_PER_RUN = 100_000;
const MAX_KEPT_DETAIL_CHARS = 20_000_000;
// Test-ProxyLogon writes one server's files per output folder; a zip of several folders holds a few.
const DEFAULT_MAX_SERVERS = 1_000;
const MAX_DETAIL_CHARS = 2000;
const MAX_IGNORED_NAMES = 20;
const LOG_TIME = /\bTIME=(\d{4}-\d\d-\d\dT[\d:.]+Z)/;

function classify(name: string): { pc: string; reader: Reader; type: string } | null {
  const match = FILE_NAME.exec(name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1));
  const file = match === null ? undefined : FILES[`${match[2]}.${match[3]}`.toLowerCase()];
  return match === null || file === undefined || match[1].length > MAX_HOSTNAME_CHARS ? null : { pc: match[1], ...file };
}

export function isTestProxyLogonFileName(name: string): boolean {
  return classify(name) !== null;
}

interface Server {
  hostname: string;
  indicators: IndicatorObservation[];
  dropped: number;
  /** some were dropped for the run's limit, not the server's */
  runLimited: boolean;
  logAgeDays: number | null;
}

export async function* parseTestProxyLogon(
  files: Iterable<TestProxyLogonFile> | AsyncIterable<TestProxyLogonFile>,
  options: TestProxyLogonOptions,
): AsyncGenerator<ObservationRecord> {
  const maxChars = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_CHARS;
  const maxIndicators = options.maxIndicatorsPerServer ?? DEFAULT_MAX_INDICATORS;
  const maxPerRun = options.maxIndicatorsPerRun ?? DEFAULT_MAX_INDICATORS_PER_RUN;
  const maxServers = options.maxServers ?? DEFAULT_MAX_SERVERS;
  const servers = new Map<string, Server>();
  const ignored: string[] = [];
  let kept = 0;
  let keptChars = 0;
  const serverFor = (pc: string, named: string, where: () => string): Server => {
    const own = named.trim();
    const name = own === "" || own.length > MAX_HOSTNAME_CHARS || own.split(".")[0].toUpperCase() === pc.toUpperCase() ? pc : own;
    const key = name.toUpperCase();
    let server = servers.get(key);
    if (server === undefined) {
      if (servers.size >= maxServers) throw tooManyServers(maxServers, `${where()}: the Test-ProxyLogon run names`, null);
      servers.set(key, (server = { hostname: name, indicators: [], dropped: 0, runLimited: false, logAgeDays: null }));
    }
    return server;
  };
  const add = (server: Server, indicator: IndicatorObservation) => {
    const first = server.indicators.length === 0;
    const runFull = kept >= maxPerRun || keptChars + indicator.detail.length > MAX_KEPT_DETAIL_CHARS;
    if (first || (server.indicators.length < maxIndicators && !runFull)) {
      server.indicators.push(indicator);
      kept++;
      keptChars += indicator.detail.length;
    } else {
      server.dropped++;
      if (server.indicators.length < maxIndicators) server.runLimited = true;
    }
  };

  for await (const file of files) {
    const kind = classify(file.name);
    if (kind === null) {
      const shown = file.name.length > 300 ? `${file.name.slice(0, 300)}…` : file.name;
      if (ignored.length < MAX_IGNORED_NAMES) ignored.push(shown);
      yield { line: 0, error: `ignored file ${shown}: not a Test-ProxyLogon output file` };
      continue;
    }
    const server = serverFor(kind.pc, "", () => file.name); // an empty file is still a check that ran
    const unreadable = (line: number, why: string): ObservationRecord => {
      if (kind.reader !== "log-age") {
        add(server, { type: kind.type, detail: `unreadable row: ${file.name} line ${line}`, seenAt: null });
      }
      return { line, error: `${file.name} line ${line}: ${why}` };
    };
    if (kind.reader === "paths") {
      for await (const row of splitLines(decodeText(file.stream), maxChars)) {
        if (!("text" in row)) yield unreadable(row.line, `the line is longer than ${maxChars} characters`);
        else if (row.text.trim() !== "") add(server, pathIndicator(kind.type, row.text.trim()));
      }
      continue;
    }
    const csv = csvRows(file.stream, maxChars);
    let header: string[] | null = null;
    try {
      for await (const row of csv.rows) {
        if (header === null) {
          // Windows PowerShell 5.1's Export-Csv starts with "#TYPE <.NET type>" unless -NoTypeInformation.
          // Blank lines before it are skipped by csvRows, so it need not be on line 1.
          if (row.fields[0].trimStart().startsWith("#TYPE")) continue;
          header = row.fields.map((f) => f.trim().toLowerCase());
          continue;
        }
        if (row.fields.length !== header.length) {
          yield unreadable(row.line, `expected ${header.length} fields as in the header, found ${row.fields.length}`);
          continue;
        }
        const get = fieldGetter(header, row);
        if (kind.reader === "log-age") {
          for (const value of row.fields) {
            // A decimal comma comes with the semicolons of -UseCulture and European Excel.
            const days = /^\s*\d+(?:[.,]\d+)?\s*$/.test(value) ? Number(value.replace(",", ".")) : NaN;
            if (!Number.isNaN(days)) server.logAgeDays = Math.min(server.logAgeDays ?? Infinity, days);
          }
          continue;
        }
        const target = serverFor(kind.pc, get("computername") || get("machinename"), () => `${file.name} line ${row.line}`);
        add(target, rowIndicator(kind.reader, kind.type, get, row));
      }
    } catch (err) {
      if (!isCsvError(err)) throw err;
      yield unreadable(csv.lineOf(), `${csvErrorReason(err, maxChars)}; the rest of the file was not read`);
    }
  }

  if (servers.size === 0) {
    throw new ImportFileError(
      "no_test_proxylogon_files",
      "None of the files is Test-ProxyLogon output (<PC>-Cve-2021-26855.csv, <PC>-LogAgeDays.csv, ...).",
      { ignored },
    );
  }
  for (const server of servers.values()) {
    if (server.dropped > 0) {
      const limit = server.runLimited ? `limit ${maxPerRun} per run reached` : `limit ${maxIndicators} per server`;
      const error = `${server.hostname}: ${server.dropped} more indicators were not kept (${limit})`;
      yield { line: 0, error };
    }
    yield { line: 0, observation: toObservation(server, options.scannedAt) };
  }
}

// Column by lower-case name; "" when the header lacks it.
function fieldGetter(header: string[], row: CsvRow): (column: string) => string {
  return (column) => {
    const index = header.indexOf(column);
    return index === -1 ? "" : row.fields[index].trim();
  };
}

function rowIndicator(reader: Reader, type: string, get: (c: string) => string, row: CsvRow): IndicatorObservation {
  let detail: string;
  let seenAt: Date | null;
  if (reader === "requests") {
    const anchor = get("anchormailbox");
    const target = anchor !== "" ? `AnchorMailbox ${anchor}` : get("routinghint") && `RoutingHint ${get("routinghint")}`;
    const from = get("clientipaddress") && `from ${get("clientipaddress")}`;
    detail = [get("urlstem") || get("urlhost"), target, from].filter((s) => s !== "").join(", ");
    seenAt = parseToolDate(get("datetime"));
  } else if (reader === "events") {
    // Event messages span lines; one line reads better in a list of indicators.
    detail = get("message").replace(/\s+/g, " ");
    seenAt = parseToolDate(get("timecreated"));
  } else {
    const path = get("path");
    const name = get("name");
    detail = name !== "" && !path.toLowerCase().endsWith(name.toLowerCase()) ? `${path.replace(/[\\/]$/, "")}\\${name}` : path;
    type = get("type") || type;
    seenAt = parseToolDate(get("lastwrite"));
  }
  // Without the expected columns the row is still a finding: show it whole.
  if (detail === "") detail = row.fields.map((f) => f.trim()).filter((f) => f !== "").join(", ");
  return { type, detail: cut(detail), seenAt };
}

function pathIndicator(type: string, line: string): IndicatorObservation {
  const time = LOG_TIME.exec(line);
  return { type, detail: cut(line), seenAt: time === null ? null : parseToolDate(time[1]) };
}

const cut = (text: string) => (text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text);

function toObservation(server: Server, scannedAt: Date): ScanObservation {
  return {
    hostname: server.hostname,
    organization: null,
    // ClientIPAddress in the files is the attacker's, not the server's.
    ipAddress: null,
    build: null,
    scannedAt,
    indicators: server.indicators,
    mitigation: null,
    patchEvidence: "not-checked",
    toolVerdict: null,
    compromiseCheck: { tool: "Test-ProxyLogon", logAgeDays: server.logAgeDays },
    online: true,
  };
}
