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
import { normalizeBuild } from "../build-text";
import { ImportFileError } from "../import-file-error";
import type { ObservationRecord, ScanObservation } from "../observation";
import { decodeText } from "../text-decode";

export interface HealthCheckerOptions {
  scannedAt: Date | null;
  /** how many servers may wait for a late header (default MAX_PENDING); for tests */
  maxPending?: number;
}

const MAX_PENDING = 100_000;
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
  const tokenize = jsonParser({ streamValues: false });
  const reader = new ReportReader(options.scannedAt, options.maxPending ?? MAX_PENDING);
  let started = false;

  const feed = (text: string | typeof FLUSH, end: boolean): ObservationRecord[] => {
    try {
      verify(text);
      const tokens = tokenize(text) as unknown;
      if (typeof tokens === "object" && tokens !== null) for (const t of (tokens as { values: Token[] }).values) reader.consume(t);
    } catch (err) {
      if (err instanceof ImportFileError) throw err;
      throw malformed(err, end);
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

type Pending = { line: number; observation: ScanObservation } | { line: number; error: string };

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
  private reportDate: Date | null = null;
  private sawOrganization = false;
  private sawDate: boolean;
  private pending: Pending[] = [];
  private out: ObservationRecord[] = [];

  constructor(
    private readonly scannedAt: Date | null,
    private readonly maxPending: number,
  ) {
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
    if (this.asm !== null) {
      this.asm.consume(t);
      if (!this.asm.done) return;
      const value = this.asm.current;
      this.asm = null;
      this.depth--;
      if (this.asmFor === "date") this.header("reportdate", (value as Record<string, unknown> | null)?.value);
      else this.add(toRecord(++this.index, value));
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
        else if (this.depth === 2 && this.inServers) this.add(toRecord(++this.index, t.value));
        return;
    }
  }

  private assemble(t: Token, purpose: "server" | "date"): void {
    this.asm = new Assembler();
    this.asmFor = purpose;
    this.asm.consume(t);
  }

  private header(key: string, value: unknown): void {
    if (key === "servers") {
      if (value !== null) throw notThisFormat("its Servers field is not a list");
      this.sawServers = true;
    } else if (key === "organization") {
      this.organization = typeof value === "string" && value.trim() !== "" ? value.trim() : null;
      this.sawOrganization = true;
    } else if (key === "reportdate") {
      this.reportDate = typeof value === "string" ? parseReportDate(value) : null;
      this.sawDate = true;
    } else return;
    this.release();
  }

  private add(record: Pending): void {
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
  private release(): void {
    if (!this.sawOrganization || !this.sawDate) return;
    for (const r of this.pending) {
      if ("observation" in r) {
        r.observation.organization = this.organization;
        r.observation.scannedAt = this.scannedAt ?? this.reportDate;
      }
      this.out.push(r);
    }
    this.pending = [];
  }
}

function toRecord(line: number, value: unknown): Pending {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { line, error: "The server entry is not an object." };
  const s = value as Record<string, unknown>;
  const name = typeof s.Name === "string" ? s.Name.trim() : "";
  if (name === "") return { line, error: "The server entry has no Name." };
  // Normalised: a long-form build (15.01.2176.009) is the same build as 15.1.2176.9. Not a build: none.
  const build = typeof s.BuildVersion === "string" ? normalizeBuild(s.BuildVersion) : null;
  // ConvertTo-Json writes a one-element list as the bare string.
  const list = Array.isArray(s.Vulnerabilities) ? s.Vulnerabilities : [s.Vulnerabilities];
  const cves = list.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
  const has = typeof s.HasVulnerability === "string" ? s.HasVulnerability.trim().toLowerCase() : s.HasVulnerability;
  const vulnerable = has === true || has === "true" ? true : has === false || has === "false" ? false : "unknown";
  return {
    line,
    observation: {
      hostname: name,
      organization: null, // filled in by release()
      ipAddress: null,
      build,
      scannedAt: null,
      indicators: [], // Health Checker does not look for compromise
      mitigation: null,
      // Without a build (an offline server) the file cannot answer the patch question.
      patchEvidence: build === null ? "not-determined" : "build",
      toolVerdict: { tool: "health-checker", vulnerable, cves },
      compromiseCheck: null,
      online: s.Online !== false && !(typeof s.Online === "string" && s.Online.trim().toLowerCase() === "false"),
    },
  };
}

// ISO 8601 (a missing zone is read as UTC: the report does not say which zone its clock was in),
// .NET's /Date(ms[+hhmm])/ from PowerShell 5.1, and "MM/dd/yyyy HH:mm:ss". Unreadable: null (upload time).
export function parseReportDate(text: string): Date | null {
  const s = text.trim();
  let ms = NaN;
  const dotNet = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(s);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d\d)(?::(\d\d))?)?$/.exec(s);
  const iso = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?([Zz]|[+-]\d\d:?\d\d)?$/.exec(s);
  if (dotNet) ms = Number(dotNet[1]); // the milliseconds are UTC; the offset only says how to display them
  else if (us) {
    const [, mo, d, y, h = "0", mi = "0", sec = "0"] = us;
    ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec);
    if (new Date(ms).getUTCDate() !== +d || +h > 23 || +mi > 59 || +sec > 59) ms = NaN; // 02/30 rolls over
  } else if (iso) {
    const t = s.replace(" ", "T");
    ms = Date.parse(iso[1] === undefined && t.length > 10 ? `${t}Z` : t);
  }
  return Number.isFinite(ms) ? new Date(ms) : null;
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
