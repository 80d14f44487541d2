// One data row of the canonical scan CSV, checked field by field: a CanonicalRow, or why the row was rejected.
import { isIP } from "node:net";
import { MITIGATION_IDS, mitigationId } from "../domain/campaigns/mitigation-ids";
import { parseBuild } from "../domain/exchange";
import { MAX_HOSTNAME_CHARS, MAX_ORGANIZATION_CHARS } from "./limits";
import { hasNul } from "./stored-text";

export interface CanonicalRow {
  organization: string;
  hostname: string;
  ipAddress: string | null;
  build: string;
  scannedAt: Date;
  indicators: string[];
  /** a campaign's mitigation id ("eomt", "eomtv2", "eems") */
  mitigation: string | null;
}

export type ParsedRecord = { line: number; row: CanonicalRow } | { line: number; error: string };

const MAX_ORGANIZATION_LENGTH = MAX_ORGANIZATION_CHARS;
const MAX_HOSTNAME_LENGTH = MAX_HOSTNAME_CHARS;
// The indicators of one scan, ;-separated: a few paths, rarely hundreds. The record limit (1 MB) alone would
// let one row carry tens of thousands of them into the import.
const MAX_INDICATORS_LENGTH = 100_000;
// Not in the format's rules, but no Exchange scan predates 2000: an earlier date is a typo (0021 for 2021),
// and importing it would stretch every trend chart back centuries. Also spares Date.UTC's 0-99 => 19xx quirk.
const EARLIEST_SCAN_MS = Date.UTC(2000, 0, 1);
const BUILD_PATTERN = /^\d{1,5}(\.\d{1,5}){2,3}$/;
// A part with a leading zero: Microsoft's long form (15.01.2176.009), normalised to the short one. Tested first
// so the usual short build skips parseBuild on this million-row path.
const PADDED_PART = /(?:^|\.)0\d/;
// RFC 3339 style: a date alone, or a date-time that says which time zone it is in. Only the shape is checked
// with it: reading the numbers from fixed positions is several times faster than from capture groups.
const ISO_SHAPE = /^\d{4}-\d\d-\d\d(?:[Tt]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d\d:?\d\d))?$/;

// Written without closures or destructuring: it runs once per row and is most of the parser's own cost.
// A non-null fixedOrganization / fixedScannedAt stands in for the row's own value (and is checked like it).
// `columns`: the header's column indexes in CANONICAL_COLUMNS order (-1 where the file has none).
export function toRecord(
  fields: string[],
  line: number,
  width: number,
  columns: number[],
  latestMs: number,
  fixedOrganization: string | null,
  fixedScannedAt: string | null,
): ParsedRecord {
  if (fields.length !== width) return { line, error: `Expected ${width} fields as in the header, found ${fields.length}.` };
  // Required columns have an index or a fixed value; optional ones are -1 when the header lacks them.
  const organization = fixedOrganization ?? fields[columns[0]].trim();
  const hostname = fields[columns[1]].trim();
  const ip = columns[2] === -1 ? "" : fields[columns[2]].trim();
  let build = fields[columns[3]].trim();
  const scanned = fixedScannedAt ?? fields[columns[4]].trim();
  const indicators = columns[5] === -1 ? "" : fields[columns[5]].trim();
  const mitigation = columns[6] === -1 ? "" : fields[columns[6]].trim().toLowerCase();
  const problems: string[] = [];

  if (organization === "") problems.push("organization is missing");
  else if (organization.length > MAX_ORGANIZATION_LENGTH) {
    problems.push(`organization is longer than ${MAX_ORGANIZATION_LENGTH} characters`);
  }
  if (hostname === "") problems.push("hostname is missing");
  else if (hostname.length > MAX_HOSTNAME_LENGTH) problems.push(`hostname is longer than ${MAX_HOSTNAME_LENGTH} characters`);
  if (ip !== "" && isIP(ip) === 0) problems.push(`ip_address ${quote(ip)} is not an IPv4 or IPv6 address`);
  if (build === "") problems.push("exchange_build is missing");
  else if (!BUILD_PATTERN.test(build)) problems.push(`exchange_build ${quote(build)} is not a build number such as 15.1.2176.9`);
  else if (PADDED_PART.test(build)) build = parseBuild(build)?.text ?? build;

  const scannedMs = scanned === "" ? null : parseIsoTimestamp(scanned);
  if (scanned === "") problems.push("scanned_at is missing");
  else if (scannedMs === null) {
    problems.push(
      `scanned_at ${quote(scanned)} is not an ISO 8601 date (2021-03-09) or date-time with Z or an offset (2021-03-10T09:00:00+01:00)`,
    );
  } else if (Number.isNaN(scannedMs)) problems.push(`scanned_at ${quote(scanned)} is not a valid date`);
  else if (scannedMs > latestMs) problems.push(`scanned_at ${quote(scanned)} is in the future`);
  else if (scannedMs < EARLIEST_SCAN_MS) problems.push(`scanned_at ${quote(scanned)} is before 2000`);

  if (indicators.length > MAX_INDICATORS_LENGTH) problems.push(`indicators is longer than ${MAX_INDICATORS_LENGTH} characters`);
  // PostgreSQL stores no NUL (stored-text.ts); in our own CSV one means a file saved in another encoding or damaged.
  if (hasNul(organization) || hasNul(hostname) || hasNul(indicators)) problems.push("organization, hostname or indicators contains a NUL character");
  // url-rewrite is what EOMT applies, and what some scripts call it.
  const mitigationKnown = mitigation === "" ? null : mitigationId(mitigation);
  if (mitigation !== "" && mitigationKnown === null) {
    problems.push(`mitigation ${quote(fields[columns[6]].trim())} is not recognised; use ${[...MITIGATION_IDS].join(", ")}, url-rewrite or leave it empty`);
  }

  if (problems.length > 0) return { line, error: `${problems.join("; ")}.` };
  return {
    line,
    row: {
      organization,
      hostname,
      ipAddress: ip === "" ? null : ip,
      build,
      scannedAt: new Date(scannedMs as number),
      indicators: indicators === "" ? [] : indicators.split(";").map((s) => s.trim()).filter((s) => s !== ""),
      mitigation: mitigationKnown,
    },
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Two ASCII digits at position i (the shape was checked first).
const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

// Epoch milliseconds; null when the text has the wrong shape, NaN when it names a date that does not exist.
function parseIsoTimestamp(s: string): number | null {
  if (!ISO_SHAPE.test(s)) return null;
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return NaN;
  let hour = 0, minute = 0, second = 0, millis = 0, offset = 0;
  if (s.length > 10) {
    hour = twoDigits(s, 11);
    minute = twoDigits(s, 14);
    let i = 16;
    if (s.charCodeAt(i) === 58 /* : */) {
      second = twoDigits(s, 17);
      i = 19;
      if (s.charCodeAt(i) === 46 /* . */) {
        for (let scale = 100, c = s.charCodeAt(++i) - 48; c >= 0 && c <= 9; c = s.charCodeAt(++i) - 48, scale /= 10) {
          millis += c * scale;
        }
        millis = Math.floor(millis);
      }
    }
    const sign = s.charCodeAt(i);
    if (sign === 43 /* + */ || sign === 45 /* - */) {
      const offsetHours = twoDigits(s, i + 1);
      const offsetMinutes = twoDigits(s, s.charCodeAt(i + 3) === 58 ? i + 4 : i + 3);
      if (offsetHours > 23 || offsetMinutes > 59) return NaN;
      offset = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
    }
    if (hour > 23 || minute > 59 || second > 59) return NaN;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}

const quote = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
