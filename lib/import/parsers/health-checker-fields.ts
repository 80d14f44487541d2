// What one Health Checker server entry and the report's Organization say, as Patchboard records it. Pure.
import { normalizeBuild } from "../build-text";
import { MAX_HOSTNAME_CHARS } from "../limits";
import type { ObservationRecord, ToolVerdict } from "../observation";

const CVE = /^CVE-\d{4}-\d{4,7}$/;
// Health Checker knows a few hundred CVEs at most; a longer list is not one it wrote.
const MAX_CVES = 500;

/** A server entry (the `index`th of Servers) as an observation, or why it is not one. */
export function serverRecord(index: number, value: unknown): ObservationRecord {
  const line = index;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { line, error: "The server entry is not an object." };
  const s = value as Record<string, unknown>;
  const name = typeof s.Name === "string" ? s.Name.trim() : "";
  if (name === "") return { line, error: "The server entry has no Name." };
  if (name.length > MAX_HOSTNAME_CHARS) return { line, error: `The server's Name is longer than ${MAX_HOSTNAME_CHARS} characters.` };
  // Normalised: a long-form build (15.01.2176.009) is the same build as 15.1.2176.9. Not a build: none.
  const build = typeof s.BuildVersion === "string" ? normalizeBuild(s.BuildVersion) : null;
  return {
    line,
    observation: {
      hostname: name,
      organization: null, // the report's, filled in by the reader
      ipAddress: null,
      build,
      scannedAt: null, // likewise
      indicators: [], // Health Checker does not look for compromise
      mitigation: null,
      // Without a build (an offline server) the file cannot answer the patch question.
      patchEvidence: build === null ? "not-determined" : "build",
      toolVerdict: toolVerdict(s.HasVulnerability, s.Vulnerabilities),
      compromiseCheck: null,
      online: s.Online !== false && !(typeof s.Online === "string" && s.Online.trim().toLowerCase() === "false"),
    },
  };
}

// Recorded as the tool said it: HasVulnerability answers "does this build have any CVE Health Checker knows?", from
// ProxyLogon to this year's, and Vulnerabilities lists them all. Each campaign reads its own CVEs out of it
// (lib/domain/tool-verdicts.ts): the verdict shown beside ours is the one for that campaign's CVEs only.
function toolVerdict(hasVulnerability: unknown, vulnerabilities: unknown): ToolVerdict {
  // ConvertTo-Json writes a one-element list as the bare string.
  const list = Array.isArray(vulnerabilities) ? vulnerabilities : [vulnerabilities];
  const cves: string[] = [];
  for (const v of list) {
    const cve = typeof v === "string" ? v.trim().toUpperCase() : "";
    if (CVE.test(cve) && !cves.includes(cve) && cves.length < MAX_CVES) cves.push(cve);
  }
  const has = typeof hasVulnerability === "string" ? hasVulnerability.trim().toLowerCase() : hasVulnerability;
  const vulnerable = has === true || has === "true" ? true : has === false || has === "false" ? false : "unknown";
  return { tool: "health-checker", vulnerable, cves };
}

/**
 * The organization's name from Health Checker's Organization: Exchange's Active Directory distinguished name
 * (CN=Contoso Corp,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=local): its first CN
 * value, with DN escapes (\, \+ \" \\ \2C) undone. A plain name stays as it is. Null when blank.
 */
export function organizationName(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const dn = /^CN\s*=\s*/i.exec(text);
  if (dn === null) return blankToNull(text);
  const rest = text.slice(dn[0].length);
  // RFC 1779's quoted form: CN="Contoso, Inc"
  if (rest.startsWith('"')) return blankToNull(rest.slice(1, rest.indexOf('"', 1) === -1 ? undefined : rest.indexOf('"', 1)));
  let name = "";
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "," || c === "+" || c === ";") break; // the end of the first attribute value
    if (c !== "\\" || i + 1 === rest.length) {
      name += c;
      continue;
    }
    // \2C, and a UTF-8 character as one escape per byte (\C3\A9)
    const bytes: number[] = [];
    while (rest[i] === "\\" && HEX_PAIR.test(rest.slice(i + 1, i + 3))) {
      bytes.push(parseInt(rest.slice(i + 1, i + 3), 16));
      i += 3;
    }
    if (bytes.length > 0) {
      name += Buffer.from(bytes).toString("utf8");
      i--;
    } else name += rest[++i]; // \, \+ \" \\ \= \< \> \; \# and an escaped space
  }
  return blankToNull(name);
}

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;
const blankToNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());
