// nmap -oX output, read with a SAX parser so memory stays flat whatever the file size: only the host being
// read is kept. What it can say: whether Microsoft's http-vuln-cve2021-26855 script found the server
// vulnerable, and the Exchange build when a script or version probe exposes one.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { BUILD_IN_TEXT, BUILD_SOURCE, normalizeBuild } from "../build-text";
import { ImportFileError } from "../import-file-error";
import { MAX_HOSTNAME_CHARS, ServerCounter, toolTime } from "../limits";
import type { ObservationRecord, ScanObservation } from "../observation";
import { decodeText, sniffEncoding } from "../text-decode";

export interface NmapXmlOptions {
  scannedAt: Date | null;
}

// Microsoft's script for ProxyLogon's SSRF does not print the CVE id it tests; its name says it.
const VULN_SCRIPT = "http-vuln-cve2021-26855";
const VULN_SCRIPT_CVE = "CVE-2021-26855";
const CVE_IN_TEXT = /CVE-\d{4}-\d{4,7}/g;
// A host of a real scan has a handful of vulnerability scripts at most.
const MAX_SIGNALS = 50;
// "VULNERABLE" but not "NOT VULNERABLE" (nor NOT_VULNERABLE).
const VULNERABLE = /(?<!\bnot[\s_-]{0,5})\bvulnerable\b/i;
// OWA resource paths (/owa/auth/15.1.2176/themes/...) and the X-OWA-Version header name a build wherever
// they appear; a bare number only counts in output that is about Exchange, where it cannot be an IP address.
// Builds may be in the long form (15.01.2176.009); they are normalised before they are kept.
const OWA_PATH = new RegExp(String.raw`/owa/(?:auth/)?(${BUILD_SOURCE})/`, "i");
const OWA_HEADER = new RegExp(String.raw`X-OWA-Version:\s*(${BUILD_SOURCE})\b`, "i");
const EXCHANGE_CONTEXT = /exchange|owa|version/i;

// Bounds far above what nmap writes (script outputs of a few KB, elements nested a dozen deep, a handful of
// attributes and hostnames per element), past which the file is rejected: saxes itself has none, and would
// hold a text node, comment or attribute value of any size whole.
const MAX_FIELD_CHARS = 4 * 1024 * 1024;
const MAX_ATTRIBUTES = 1000;
const MAX_DEPTH = 200;
const MAX_NAMES_PER_HOST = 32;
// saxes is fed pieces of at most this many characters, so a limit is overshot by one piece at most.
const PIECE_CHARS = 64 * 1024;

// What saxes 6 accumulates while it reads (not part of its typed API; nmap-xml-limits.test.ts fails if it changes):
// the text, comment, CDATA, DOCTYPE or attribute value being read, a name, a PI target, an entity.
interface SaxesBuffers {
  text: string;
  name: string;
  piTarget: string;
  entity: string;
}

export function looksLikeNmapXml(head: string, fileName?: string): boolean {
  void fileName; // the root element is unambiguous; nmap output has no fixed file name
  return head.slice(0, 1024).includes("<nmaprun");
}

interface Host {
  line: number;
  startTime: string | undefined;
  down: boolean;
  ipv4: string | null;
  ipv6: string | null;
  names: Record<string, string>; // first hostname per type (user, PTR, ...)
  /** the scripts that reported VULNERABLE, and the CVEs they named */
  signals: string[];
  cves: string[];
  vulnScriptSaidNo: boolean;
  build: string | null;
}

export async function* parseNmapXml(source: AsyncIterable<Uint8Array>, options: NmapXmlOptions): AsyncGenerator<ObservationRecord> {
  const sax = new SaxesParser();
  let out: ObservationRecord[] = [];
  let depth = 0;
  let tagLine = 1;
  let runStart: string | undefined;
  let host: Host | null = null;
  let script: string | null = null;
  const servers = new ServerCounter();

  const scan = (text: string, scriptId: string) => {
    if (host === null) return;
    // nmap's vulnerability scripts all say "State: VULNERABLE" (or NOT VULNERABLE) and list the CVE ids they test.
    if (VULNERABLE.test(text)) {
      if (!host.signals.includes(scriptId) && host.signals.length < MAX_SIGNALS) host.signals.push(scriptId);
      for (const cve of text.toUpperCase().match(CVE_IN_TEXT) ?? []) if (!host.cves.includes(cve) && host.cves.length < MAX_SIGNALS) host.cves.push(cve);
      if (scriptId === VULN_SCRIPT && !host.cves.includes(VULN_SCRIPT_CVE)) host.cves.push(VULN_SCRIPT_CVE);
    } else if (/\bnot[\s_-]{0,5}vulnerable\b/i.test(text)) host.vulnScriptSaidNo = true;
    const match = OWA_HEADER.exec(text) ?? OWA_PATH.exec(text) ?? (EXCHANGE_CONTEXT.test(scriptId) ? BUILD_IN_TEXT.exec(text) : null);
    const build = match === null ? null : normalizeBuild(match[1]);
    if (build !== null) host.build = betterBuild(host.build, build);
  };

  let attributes = 0;
  let attributeChars = 0;
  sax.on("opentagstart", () => {
    tagLine = sax.line; // opentag fires at the closing '>', which may be lines later
    attributes = attributeChars = 0;
  });
  sax.on("attribute", (attribute) => {
    attributeChars += attribute.name.length + attribute.value.length;
    if (++attributes > MAX_ATTRIBUTES || attributeChars > MAX_FIELD_CHARS) {
      const what = attributes > MAX_ATTRIBUTES ? `more than ${MAX_ATTRIBUTES} attributes` : `attributes of more than ${MAX_FIELD_CHARS} characters`;
      throw new ImportFileError("entry_too_large", `Line ${tagLine}: an element has ${what}; the file was not imported.`, { line: tagLine });
    }
  });
  sax.on("opentag", (tag: SaxesTagPlain) => {
    if (++depth > MAX_DEPTH) {
      throw new ImportFileError("nesting_too_deep", `Line ${sax.line}: elements are nested more than ${MAX_DEPTH} deep; the file was not imported.`, { line: sax.line });
    }
    const a = tag.attributes as Record<string, string>;
    if (depth === 1) {
      if (tag.name !== "nmaprun") throw notThisFormat(`its root element is <${tag.name}>, not <nmaprun>`);
      runStart = a.start;
    } else if (depth === 2 && tag.name === "host") {
      host = { line: tagLine, startTime: a.starttime, down: false, ipv4: null, ipv6: null, names: {}, signals: [], cves: [], vulnScriptSaidNo: false, build: null };
    } else if (host !== null) {
      if (tag.name === "status") host.down = a.state === "down";
      else if (tag.name === "address" && a.addrtype === "ipv4") host.ipv4 ??= a.addr ?? null;
      else if (tag.name === "address" && a.addrtype === "ipv6") host.ipv6 ??= a.addr ?? null;
      else if (tag.name === "hostname" && a.name && Object.keys(host.names).length < MAX_NAMES_PER_HOST) host.names[a.type ?? ""] ??= a.name;
      else if (tag.name === "script") {
        script = a.id ?? "";
        if (a.output !== undefined) scan(a.output, script);
      } else if (tag.name === "service") {
        scan([a.product, a.version, a.extrainfo].filter(Boolean).join(" "), "service-version"); // a version field counts as Exchange context
      }
    }
  });
  sax.on("text", (text) => {
    if (script !== null) scan(text, script); // <elem>/<table> details of a script
  });
  sax.on("closetag", (tag) => {
    depth--;
    if (tag.name === "script") script = null;
    else if (depth === 1 && tag.name === "host" && host !== null) {
      const record = toRecord(host, options.scannedAt ?? unixSeconds(host.startTime) ?? unixSeconds(runStart));
      if ("observation" in record) servers.add("", record.observation.hostname, host.line);
      out.push(record);
      host = null;
    }
  });

  const buffers = sax as unknown as SaxesBuffers;
  const write = (text: string | null): ObservationRecord[] => {
    try {
      if (text === null) sax.close();
      for (let at = 0; text !== null && at < text.length; at += PIECE_CHARS) {
        sax.write(text.length <= PIECE_CHARS ? text : text.slice(at, at + PIECE_CHARS));
        const longest = Math.max(buffers.text.length, buffers.name.length, buffers.piTarget.length, buffers.entity.length);
        if (longest > MAX_FIELD_CHARS) {
          const message = `Line ${sax.line}: a text, comment or attribute value is longer than ${MAX_FIELD_CHARS} characters; the file was not imported.`;
          throw new ImportFileError("field_too_large", message, { line: sax.line, maxChars: MAX_FIELD_CHARS });
        }
      }
    } catch (err) {
      if (err instanceof ImportFileError) throw err;
      const reason = text === null ? "the file ends before the XML is complete (truncated?)" : String((err as Error).message).replace(/^[\d:]*\s*/, "");
      throw new ImportFileError("malformed_xml", `Line ${sax.line}: malformed XML, ${reason}; the file was not imported.`, { line: sax.line, column: sax.column });
    }
    const ready = out;
    out = [];
    return ready;
  };

  let started = false;
  for await (const text of decode(source)) {
    const first = started ? -1 : text.search(/\S/);
    if (first !== -1) {
      started = true;
      if (text[first] !== "<") throw notThisFormat(`it starts with ${JSON.stringify(text.slice(first, first + 40))}`);
    }
    // Leading blank lines go to the parser too, or its line numbers would be off.
    yield* write(text);
  }
  if (!started) throw new ImportFileError("empty_file", "The file is empty.");
  yield* write(null);
}

// nmap writes UTF-8 (other bytes become character references), so another encoding means the file was
// re-saved: by Windows PowerShell 5.1's `nmap -oX - > scan.xml` (UTF-16LE with a BOM), or by an editor that
// names its encoding in the XML declaration (ISO-8859-1), or does not (windows-1252). A BOM decides first, as
// in XML itself, then a declared encoding other than UTF-8, then decodeText's sniffing of the first 64 KB.
async function* decode(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const reader = source[Symbol.asyncIterator]();
  try {
    // The declaration is within the first few hundred bytes; wait for them (chunks may be tiny).
    const held: Uint8Array[] = [];
    let heldBytes = 0;
    let ended = false;
    while (heldBytes < 512 && !ended) {
      const next = await reader.next();
      if (next.done) ended = true;
      else {
        held.push(next.value);
        heldBytes += next.value.length;
      }
    }
    async function* all(): AsyncGenerator<Uint8Array> {
      yield* held;
      if (!ended) for (let next = await reader.next(); !next.done; next = await reader.next()) yield next.value;
    }
    const decoder = declaredDecoder(Buffer.concat(held));
    if (decoder === null) {
      yield* decodeText(all());
      return;
    }
    for await (const chunk of all()) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } finally {
    await reader.return?.();
  }
}

// A decoder for the encoding the XML declaration names, when there is no BOM and it is neither UTF-8 nor
// UTF-16 (those are sniffed: a declaration copied into a re-saved file can be wrong about them).
function declaredDecoder(head: Uint8Array): TextDecoder | null {
  const bom = (head[0] === 0xef && head[1] === 0xbb) || (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (bom || sniffEncoding(head, false).startsWith("utf-16")) return null;
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(new TextDecoder("latin1").decode(head.subarray(0, 512)));
  if (declared === null) return null;
  try {
    const decoder = new TextDecoder(declared[1]);
    return decoder.encoding === "utf-8" || decoder.encoding.startsWith("utf-16") ? null : decoder;
  } catch {
    return null; // an unknown label: sniffed like an undeclared file
  }
}

// A four-part build says more than a three-part one (which cannot tell CU19 from CU19 + the March SU).
function betterBuild(current: string | null, found: string): string {
  if (current === null) return found;
  return current.split(".").length < found.split(".").length ? found : current;
}

// A time outside the years a scan can have (start="0", twelve digits) is none: the run's, or the upload's, is used.
function unixSeconds(value: string | undefined): Date | null {
  if (value === undefined || !/^\d{1,12}$/.test(value.trim())) return null;
  return toolTime(Number(value.trim()) * 1000);
}

function toRecord(host: Host, scannedAt: Date | null): ObservationRecord {
  const hostname = host.names.user ?? host.names.PTR ?? Object.values(host.names)[0] ?? host.ipv4 ?? host.ipv6;
  if (!hostname) return { line: host.line, error: "The host has neither a hostname nor an IPv4/IPv6 address." };
  if (hostname.length > MAX_HOSTNAME_CHARS) return { line: host.line, error: `The host's name is longer than ${MAX_HOSTNAME_CHARS} characters.` };
  const observation: ScanObservation = {
    hostname,
    organization: null,
    ipAddress: host.ipv4 ?? host.ipv6,
    build: host.build,
    scannedAt,
    indicators: [],
    mitigation: null,
    // The script prints nothing on a patched server, and also when it could not tell: silence is no answer.
    // The script sends the request a mitigation's rewrite rule blocks: VULNERABLE is a live probe's proof.
    patchEvidence: host.signals.length > 0 ? "exploitable" : host.build !== null ? "build" : "not-determined",
    toolVerdict: host.signals.length > 0
      ? { tool: "nmap", vulnerable: true, cves: host.cves }
      : host.vulnScriptSaidNo
        ? { tool: "nmap", vulnerable: false, cves: [] }
        : null,
    compromiseCheck: null,
    online: !host.down,
    signals: host.signals,
  };
  return { line: host.line, observation };
}

function notThisFormat(why: string): ImportFileError {
  return new ImportFileError("wrong_format", `Not an nmap XML report (-oX): ${why}.`);
}
