// Nessus / Tenable CSV export: one row per (plugin, host, port) finding, many rows per host, in no fixed order.
// Streamed with csv-parse like the canonical CSV, but a host's verdict needs all of its rows, so observations
// can only be yielded when the file ends. To keep that bounded, no row is kept: each host holds a small summary
// (the Exchange plugins that fired, their CVEs, one build), so memory grows with the number of hosts, never of rows.
// Row errors are yielded as they are met, before the observations. Decisions:
// - The parser records what Nessus saw; the status engine decides. Every Exchange plugin that fired is kept as a
//   signal, and each campaign names the plugins that speak to it (147003 for ProxyLogon, 167281 for
//   ProxyNotShell...): a campaign whose plugin fired reads the host as vulnerable, whatever its build. A host whose
//   Plugin Output shows an installed build is otherwise judged by that build ("build"), whichever plugin printed
//   it: an "unsupported version" finding is about support, and an old CU with its security update is patched.
// - Hosts without Exchange findings are not Exchange servers: one record at line 0 says how many were skipped,
//   so an import of a whole subnet explains why most of its hosts are missing.
// - A record over maxRecordBytes (1 MB) rejects the file (record_too_large): csv-parse cannot resume after it,
//   and the bound is what keeps memory flat on a file that is not really CSV.
import { isIP } from "node:net";
import { pipeline, Readable } from "node:stream";
import { CsvError, Parser, type Options } from "csv-parse";
import { ImportFileError } from "../import-file-error";
import { MAX_HOSTNAME_CHARS, ServerCounter } from "../limits";
import type { ObservationRecord } from "../observation";
import { decodeText } from "../text-decode";
import { betterBuild, installedBuild } from "./nessus-plugin-output";

export interface NessusCsvOptions {
  scannedAt: Date | null;
  maxRecordBytes?: number;
  maxHosts?: number;
}

// Exchange plugins are recognised by name: bare "Exchange" would also match the SSH / TLS "key exchange"
// plugins found on almost every host. Tenable's ProxyLogon plugins (147003, 147024) predate the name's wording
// on some exports, so their ids count too.
const EXCHANGE_PLUGINS = new Set(["147003", "147024"]);
const PLUGIN_ID = /^\d{1,9}$/;
// A host of a real export has a few dozen Exchange findings at most.
const MAX_SIGNALS_PER_HOST = 200;
const EXCHANGE_TEXT = /\b(?:microsoft\s+exchange|exchange\s+server|exchange\s+20(?:10|13|16|19)|ms\s*exchange)\b/i;
const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
const MAX_HOSTNAME_LENGTH = MAX_HOSTNAME_CHARS;
// Each host costs a few hundred bytes; past this many the file is rejected (too_many_hosts) to bound memory.
const DEFAULT_MAX_HOSTS = 500_000;
const SKIPPED_EXAMPLES = 3;
// Plugin 147003 names seven CVEs; a CVE column of thousands is not Nessus's, and would cost a scan per id.
const MAX_CVES_PER_HOST = 50;
const REQUIRED = ["Plugin ID", "Host"];

const normalize = (name: string) => name.replace(/[\s_]+/g, "").toLowerCase();

export function looksLikeNessusCsv(header: string[]): boolean {
  const names = new Set(header.map(normalize));
  return names.has("pluginid") && names.has("host");
}

interface Columns {
  pluginId: number;
  host: number;
  cve: number;
  name: number;
  synopsis: number;
  output: number;
}

interface HostSummary {
  hostname: string; // as first spelled; hosts are grouped case-insensitively (DNS names are)
  line: number;
  exchange: boolean;
  signals: string[]; // the Exchange plugins that fired, by id
  cves: string[]; // a handful at most: the CVE column of the Exchange rows
  build: string | null;
}

export async function* parseNessusCsv(
  source: AsyncIterable<Uint8Array>,
  options: NessusCsvOptions,
): AsyncGenerator<ObservationRecord> {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const maxHosts = options.maxHosts ?? DEFAULT_MAX_HOSTS;
  const parser = new LineCountingParser({
    bom: true,
    relax_quotes: true,
    relax_column_count: true, // field counts are checked per row, so a short row is reported, not fatal
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: maxRecordBytes,
    readableHighWaterMark: 2,
  } as Options);
  // Decoded first: an export re-saved by Excel is in the ANSI code page (windows-1252), or UTF-16LE.
  pipeline(Readable.from(decodeText(source)), parser, () => {}); // errors of either stream reach the loop below

  const hosts = new Map<string, HostSummary>();
  const exchangeHosts = new ServerCounter();
  let columns: Columns | null = null;
  let width = 0;
  try {
    for await (const batch of parser as AsyncIterable<RawRecord[]>) {
      for (const { line, fields } of batch) {
        if (columns === null) {
          columns = columnsOf(fields);
          width = fields.length;
          continue;
        }
        const error = addRow(fields, line, width, columns, hosts, maxHosts, exchangeHosts);
        if (error !== null) yield { line, error };
      }
    }
  } catch (err) {
    throw fileError(err, parser.firstRecord, parser.nextLine, maxRecordBytes);
  } finally {
    parser.destroy();
  }
  if (columns === null) throw new ImportFileError("empty_file", "The file is empty.");

  const skipped: string[] = [];
  for (const host of hosts.values()) {
    if (host.exchange) yield toRecord(host, options.scannedAt);
    else skipped.push(host.hostname);
  }
  if (skipped.length > 0) {
    const examples = skipped.slice(0, SKIPPED_EXAMPLES).join(", ") + (skipped.length > SKIPPED_EXAMPLES ? ", …" : "");
    const noun = skipped.length === 1 ? "host without Exchange findings was" : "hosts without Exchange findings were";
    yield { line: 0, error: `${skipped.length} ${noun} skipped (${examples}).` };
  }
}

function columnsOf(header: string[]): Columns {
  const names = header.map(normalize);
  const at = (name: string) => names.indexOf(name);
  if (at("pluginid") === -1 || at("host") === -1) throw noHeader(header);
  return { pluginId: at("pluginid"), host: at("host"), cve: at("cve"), name: at("name"), synopsis: at("synopsis"), output: at("pluginoutput") };
}

// Runs once per row (a million in a big export): cheap checks first, the Plugin Output only for Exchange rows.
function addRow(
  fields: string[],
  line: number,
  width: number,
  c: Columns,
  hosts: Map<string, HostSummary>,
  maxHosts: number,
  exchangeHosts: ServerCounter,
): string | null {
  if (fields.length !== width) return `Expected ${width} fields as in the header, found ${fields.length}.`;
  const hostname = fields[c.host].trim();
  if (hostname === "") return "Host is missing.";
  if (hostname.length > MAX_HOSTNAME_LENGTH) return `Host is longer than ${MAX_HOSTNAME_LENGTH} characters.`;
  const key = hostname.toLowerCase();
  let host = hosts.get(key);
  if (host === undefined) {
    if (hosts.size >= maxHosts) {
      const message = `Line ${line}: the file names more than ${maxHosts} hosts; the file was not imported.`;
      throw new ImportFileError("too_many_hosts", message, { line, maxHosts });
    }
    host = { hostname, line, exchange: false, signals: [], cves: [], build: null };
    hosts.set(key, host);
  }
  const pluginId = fields[c.pluginId].trim();
  if (!EXCHANGE_PLUGINS.has(pluginId) && !EXCHANGE_TEXT.test(cell(fields, c.name)) && !EXCHANGE_TEXT.test(cell(fields, c.synopsis))) return null;
  if (!host.exchange) exchangeHosts.add("", hostname, line); // the hosts that will be yielded: bounded too
  host.exchange = true;
  if (PLUGIN_ID.test(pluginId) && !host.signals.includes(pluginId) && host.signals.length < MAX_SIGNALS_PER_HOST) host.signals.push(pluginId);
  for (const cve of cell(fields, c.cve).toUpperCase().split(/[\s,;]+/)) {
    if (host.cves.length >= MAX_CVES_PER_HOST) break;
    if (/^CVE-\d{4}-\d{4,}$/.test(cve) && !host.cves.includes(cve)) host.cves.push(cve);
  }
  const build = installedBuild(cell(fields, c.output));
  if (build !== null) host.build = betterBuild(host.build, build);
  return null;
}

const cell = (fields: string[], index: number) => (index === -1 ? "" : fields[index]);

function toRecord(host: HostSummary, scannedAt: Date | null): ObservationRecord {
  const ipAddress = isIP(host.hostname) === 0 ? null : host.hostname;
  const base = { hostname: host.hostname, organization: null, ipAddress, build: host.build, scannedAt, indicators: [] };
  const rest = { mitigation: null, compromiseCheck: null, online: true }; // Nessus sees neither EOMT nor web shells
  // Each campaign reads its own plugins out of the signals; Nessus lists findings, not passed checks, so what no
  // plugin of a campaign says is unknown to it. A build is for the status engine to judge.
  const toolVerdict = { tool: "nessus", vulnerable: "unknown" as const, cves: host.cves };
  const patchEvidence = host.build === null ? "not-determined" : "build";
  return { line: host.line, observation: { ...base, ...rest, patchEvidence, toolVerdict, signals: host.signals } };
}

interface RawRecord {
  line: number;
  fields: string[];
}

// As in canonical-csv.ts: records leave csv-parse in batches (per-object stream overhead dominates otherwise),
// and physical lines are counted here because csv-parse counts a CRLF inside quotes as two lines.
const BATCH = 1000;
class LineCountingParser extends Parser {
  nextLine = 1;
  firstRecord: string[] | null = null;
  private batch: RawRecord[] = [];

  override push(chunk: unknown): boolean {
    if (chunk === null) {
      this.flush();
      return super.push(null);
    }
    const fields = chunk as string[];
    const line = this.nextLine;
    for (const f of fields) for (let i = 0; i < f.length; i++) {
      const ch = f.charCodeAt(i);
      if (ch === 10 || (ch === 13 && f.charCodeAt(i + 1) !== 10)) this.nextLine++;
    }
    this.nextLine++;
    if (fields.every((f) => f.trim() === "")) return true; // blank lines carry nothing
    this.firstRecord ??= fields;
    this.batch.push({ line, fields });
    return this.batch.length < BATCH || this.flush();
  }

  private flush(): boolean {
    if (this.batch.length === 0) return true;
    const batch = this.batch;
    this.batch = [];
    return super.push(batch);
  }
}

function noHeader(first: string[] | null): ImportFileError {
  let seen = "The first row could not be read as CSV.";
  if (first !== null) {
    const text = first.join(",").replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "\ufffd");
    seen = `Found: ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}.`;
    if (first.length === 1 && /[;\t|]/.test(text)) seen += " Columns must be separated by commas.";
  }
  return new ImportFileError("no_header", `Not a Nessus CSV export: the first row must name the columns ${REQUIRED.join(" and ")}. ${seen}`, {
    required: REQUIRED,
  });
}

// csv-parse's errors become ImportFileError; errors of the source (an upload limit, a lost connection) pass.
function fileError(err: unknown, first: string[] | null, line: number, maxRecordBytes: number): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (!(err instanceof CsvError) && !(typeof code === "string" && /^(CSV_|INVALID_OPENING_QUOTE)/.test(code))) return err;
  if (first === null || !looksLikeNessusCsv(first)) return noHeader(first);
  if (code === "CSV_MAX_RECORD_SIZE") {
    const message = `Line ${line}: the record is larger than the limit of ${maxRecordBytes} bytes; the file was not imported.`;
    return new ImportFileError("record_too_large", message, { line, maxRecordBytes });
  }
  const reason = code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted field is never closed" : "the quoting is invalid";
  return new ImportFileError("malformed_csv", `Line ${line}: malformed CSV, ${reason}; the file was not imported.`, { line, csvCode: code });
}
