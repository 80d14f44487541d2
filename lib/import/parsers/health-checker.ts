// Exchange Health Checker's HealthChecker-VulnerabilityReport-*.json, read as a token stream so a report of
// any size keeps memory flat: only one server entry is assembled at a time.
//
// Organization and ReportDate usually precede Servers, but nothing in JSON guarantees it and the input is a
// one-shot stream (no second pass), so servers met before both header fields are held back, as finished small
// records, until the fields arrive or the report object ends. At most MAX_PENDING are held: a report that big
// with its header at the end is not something Health Checker writes.
import Assembler from "stream-json/core/assembler.js";
import { jsonParser, type Token } from "stream-json/core/parser.js";
import { jsonVerifier, type VerifierError } from "stream-json/core/utils/verifier.js";
import { ImportFileError } from "../import-file-error";
import { ServerCounter } from "../limits";
import type { ObservationRecord } from "../observation";
import { decodeText } from "../text-decode";
import { organizationName, serverRecord } from "./health-checker-fields";
import { JsonTokenBounds, type JsonLimits } from "./json-bounds";
import { fileNameTime, readReportDate } from "./report-date";

export interface HealthCheckerOptions {
  /** the upload's scannedAt=: wins over the report's own time */
  scannedAt: Date | null;
  /** the uploaded file's name: Health Checker puts the time it ran in it, which decides an ambiguous ReportDate */
  fileName?: string | null;
  /** how many servers may wait for a late header (default MAX_PENDING); for tests */
  maxPending?: number;
}

const MAX_PENDING = 100_000;
// A real report is a few KB per server. Far above that, a file is rejected rather than held (see json-bounds.ts).
const LIMITS: JsonLimits = { fieldChars: 1024 * 1024, depth: 64, entryChars: 2 * 1024 * 1024, entryValues: 50_000 };
// The tokenizer is fed at most this many characters at a time, so a limit is overshot by one piece at most.
const PIECE_CHARS = 64 * 1024;
// An ambiguous ReportDate reading within this of the file name's time is the report's (the name has the time
// Health Checker started, ReportDate the time it finished: minutes apart, where the other reading is months).
const DECIDING_SPAN_MS = 2 * 86_400_000;
// stream-chain's flush marker. It is a registered symbol, so stream-json's stages accept it without this file
// depending on stream-chain (only a dependency of stream-json).
const FLUSH = Symbol.for("object-stream.none") as never;

export function looksLikeHealthChecker(head: string, fileName?: string): boolean {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (!text.startsWith("{")) return false;
  const servers = /"Servers"\s*:/.test(text);
  const marker = /"(VersionReport|HasVulnerability)"\s*:/.test(text);
  // The name only helps when the first KB is cut before one of the two markers.
  const named = fileName !== undefined && /HealthChecker-VulnerabilityReport.*\.json$/i.test(fileName);
  return (servers && marker) || (named && (servers || marker));
}

export async function* parseHealthChecker(
  source: AsyncIterable<Uint8Array>,
  options: HealthCheckerOptions,
): AsyncGenerator<ObservationRecord> {
  // The verifier runs in lockstep with the tokenizer only because it knows line numbers, which the tokenizer's
  // errors lack. It costs more than the tokenizer (a 236 MB report: ~6 s of ~10 s), but real reports are small
  // and a user fixing a broken file needs the line.
  const verify = jsonVerifier();
  // Values are packed (for the Assembler) and streamed too, so JsonTokenBounds sees a long one as it grows.
  const tokenize = jsonParser();
  // The line the tokenizer has read up to. A string holds no raw line break: one still open at the end of a
  // piece (a long one) is on this line.
  let line = 1;
  const bounds = new JsonTokenBounds(LIMITS, () => line, "server entry");
  const reader = new ReportReader(options.scannedAt, fileNameTime(options.fileName), options.maxPending ?? MAX_PENDING, bounds);
  let started = false;

  const feed = (text: string | typeof FLUSH, end: boolean): ObservationRecord[] => {
    for (let at = 0; at === 0 || (typeof text === "string" && at < text.length); at += PIECE_CHARS) {
      const piece = typeof text !== "string" || text.length <= PIECE_CHARS ? text : text.slice(at, at + PIECE_CHARS);
      if (typeof piece === "string") for (let i = piece.indexOf("\n"); i !== -1; i = piece.indexOf("\n", i + 1)) line++;
      try {
        verify(piece);
        const tokens = tokenize(piece) as unknown;
        if (typeof tokens === "object" && tokens !== null) for (const t of (tokens as { values: Token[] }).values) reader.consume(t);
      } catch (err) {
        if (err instanceof ImportFileError) throw err;
        throw malformed(err, end);
      }
    }
    return reader.take();
  };

  // A report saved again by Windows PowerShell 5.1 is UTF-16LE (Out-File) or in the ANSI code page (Set-Content).
  for await (const text of decodeText(source)) {
    const first = started ? -1 : text.search(/\S/);
    if (first !== -1) {
      started = true;
      if (text[first] !== "{") throw notThisFormat(`it starts with ${JSON.stringify(text.slice(first, first + 40))}`);
    }
    // Leading blank lines go to the parser too, or its line numbers would be off.
    yield* feed(text, false);
  }
  if (!started) throw new ImportFileError("empty_file", "The file is empty.");
  yield* feed(FLUSH, true);
  if (!reader.sawServers) throw notThisFormat("it has no Servers list");
  yield* reader.finish();
}

// Walks the tokens of the report object: header scalars at depth 1, one Assembler per server entry.
class ReportReader {
  sawServers = false;
  private depth = 0;
  private key = "";
  private inServers = false;
  private asm: Assembler | null = null;
  private asmFor: "server" | "date" = "server";
  private index = 0;
  private organization: string | null = null;
  // The scans' time, once known: the caller's, else ReportDate's, else the file name's.
  private time: Date | null;
  // ReportDate as written, when it could not give the time by itself (for the message).
  private unreadDate: string | null = null;
  private sawOrganization = false;
  private sawDate: boolean;
  private pending: ObservationRecord[] = [];
  private out: ObservationRecord[] = [];

  private readonly servers = new ServerCounter(undefined, (index) => `Server ${index}: the report names`);

  constructor(
    scannedAt: Date | null,
    private readonly fileTime: Date | null,
    private readonly maxPending: number,
    private readonly bounds: JsonTokenBounds,
  ) {
    this.time = scannedAt;
    this.sawDate = scannedAt !== null; // the caller's date wins, so the report's is not waited for
  }

  take(): ObservationRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  // The report object ended (or the file did): what is not known by now is absent.
  finish(): ObservationRecord[] {
    this.releaseAll();
    return this.take();
  }

  private releaseAll(): void {
    this.sawOrganization = this.sawDate = true;
    this.release();
  }

  consume(t: Token): void {
    this.bounds.check(t);
    if (this.asm !== null) {
      this.asm.consume(t);
      if (!this.asm.done) return;
      const value = this.asm.current;
      this.asm = null;
      this.bounds.leaveEntry();
      this.depth--;
      if (this.asmFor === "date") this.header("reportdate", (value as Record<string, unknown> | null)?.value);
      else this.add(serverRecord(++this.index, value));
      return;
    }
    switch (t.name) {
      case "startObject":
      case "startArray":
        this.depth++;
        if (this.depth === 2 && this.key === "servers") {
          this.sawServers = true;
          if (t.name === "startArray") this.inServers = true;
          else this.assemble(t, "server"); // PowerShell unwraps a one-element array into the object itself
        } else if (this.depth === 3 && this.inServers) this.assemble(t, "server");
        // PowerShell 5.1 may write a DateTime as {value: "/Date(…)/", DisplayHint, DateTime}.
        else if (this.depth === 2 && this.key === "reportdate" && t.name === "startObject") this.assemble(t, "date");
        return;
      case "endObject":
      case "endArray":
        if (this.depth === 2) this.inServers = false;
        this.depth--;
        if (this.depth === 0) this.releaseAll();
        return;
      case "keyValue":
        if (this.depth === 1) this.key = t.value.toLowerCase();
        return;
      case "stringValue":
      case "numberValue":
      case "nullValue":
      case "trueValue":
      case "falseValue":
        if (this.depth === 1) this.header(this.key, t.value);
        else if (this.depth === 2 && this.inServers) this.add(serverRecord(++this.index, t.value));
        return;
    }
  }

  private assemble(t: Token, purpose: "server" | "date"): void {
    this.asm = new Assembler();
    this.asmFor = purpose;
    this.asm.consume(t);
    this.bounds.enterEntry();
  }

  private header(key: string, value: unknown): void {
    if (key === "servers") {
      if (value !== null) throw notThisFormat("its Servers field is not a list");
      this.sawServers = true;
    } else if (key === "organization") {
      this.organization = organizationName(value);
      this.sawOrganization = true;
    } else if (key === "reportdate") {
      if (!this.sawDate) this.reportTime(value);
      this.sawDate = true;
    } else return;
    this.release();
  }

  // ReportDate's time; when its locale decides the day (3/9/2021), the reading the file name's time agrees
  // with, else the file name's time itself. Neither: `time` stays null and release() rejects the file.
  private reportTime(value: unknown): void {
    const text = typeof value === "string" ? value : null;
    const read = text === null ? null : readReportDate(text);
    if (read?.kind === "time") this.time = read.at;
    else if (this.fileTime !== null) {
      const near = read?.readings.find((d) => Math.abs(d.getTime() - this.fileTime!.getTime()) <= DECIDING_SPAN_MS);
      this.time = near ?? this.fileTime;
    } else this.unreadDate = text ?? (value === undefined || value === null ? "" : JSON.stringify(value).slice(0, 100));
  }

  private add(record: ObservationRecord): void {
    if ("observation" in record) this.servers.add("", record.observation.hostname, record.line);
    this.pending.push(record);
    if (this.pending.length > this.maxPending) {
      throw new ImportFileError(
        "header_too_late",
        `More than ${this.maxPending} servers come before the report's Organization and ReportDate; the file was not imported.`,
      );
    }
    this.release();
  }

  // Hands on the held-back records once the header they need is known.
  // Never with a made-up time: without one (and with servers to date) the file is rejected.
  private release(): void {
    if (!this.sawOrganization || !this.sawDate) return;
    this.time ??= this.fileTime;
    for (const r of this.pending) {
      if ("observation" in r) {
        if (this.time === null) throw scanTimeUnknown(this.unreadDate);
        r.observation.organization = this.organization;
        r.observation.scannedAt = this.time;
      }
      this.out.push(r);
    }
    this.pending = [];
  }
}

function scanTimeUnknown(reportDate: string | null): ImportFileError {
  const why =
    reportDate === null || reportDate.trim() === ""
      ? "The report has no ReportDate"
      : `The report's ReportDate ${JSON.stringify(reportDate.slice(0, 60))} ${readReportDate(reportDate)?.kind === "ambiguous" ? "could be read day-first or month-first (Health Checker writes it in the server's locale, which the file does not name)" : "is not a date Patchboard can read"}`;
  return new ImportFileError(
    "scan_time_unknown",
    `${why}, and the file name has no time in it (Health Checker names it HealthChecker-VulnerabilityReport-yyyyMMddHHmmss.json). ` +
      "Give the time of the scan with scannedAt= (ISO 8601, e.g. 2021-03-09T10:15:02Z; on the upload page, the Scan time field).",
    { reportDate },
  );
}

function notThisFormat(why: string): ImportFileError {
  return new ImportFileError("wrong_format", `Not a Health Checker vulnerability report: ${why}.`);
}

function malformed(err: unknown, atEnd: boolean): ImportFileError {
  const e = err as Partial<VerifierError>;
  const reason = atEnd ? "the file ends before the JSON is complete (truncated?)" : String(e?.message ?? err).replace(/^ERROR at .*?: /, "");
  const where = typeof e?.line === "number" ? `Line ${e.line}: ` : "";
  const details = typeof e?.line === "number" ? { line: e.line, column: e.pos } : undefined;
  return new ImportFileError("malformed_json", `${where}malformed JSON, ${reason}; the file was not imported.`, details);
}
