// Health Checker's ReportDate is `(Get-Date).ToString()`: .NET's "G" format (short date + long time) in the
// locale of the machine that ran it, and the file does not say which locale that was. Pure functions.
//
// Read here: en-US 3/9/2021 10:15:02 AM; en-GB, fr-FR, es-ES, it-IT 09/03/2021 10:15:02; de-DE, ru-RU, pl-PL
// 09.03.2021 10:15:02 (fi-FI 9.3.2021 10.15.02, hr-HR with a trailing dot); nl-NL 9-3-2021 10:15:02; sv-SE
// 2021-03-09 10:15:02; ja-JP, zh-CN 2021/03/09 10:15:02; hu-HU 2021. 03. 09. 10:15:02; en-AU, en-NZ "am"/"pm",
// es-MX "a. m.", en-CA "a.m.", and the 12-hour markers of ko-KR (오전/오후), zh-TW (上午/下午), ja-JP (午前/午後)
// and el-GR (πμ/μμ), before or after the time; .NET's /Date(ms)/ and ISO 8601.
// Decisions:
// - No locale puts the year in the middle, and a dotted date is day-first everywhere it is used; a date with
//   the year first is year-month-day. A slash or dash date with the year last is month-first in en-US and
//   day-first in most other locales: when both numbers could be the month and differ (3/9/2021), the text
//   alone cannot say which day it is, and the caller must decide (the file name's time, or the upload's).
// - Without a zone, the time is read as UTC: at most a few hours off, and the same on every importing machine.
// - A time before 2000 or after 9999 is no report's (toolTime): not a date, like unreadable text.
import { toolTime } from "../limits";

export type ReportTime =
  | { kind: "time"; at: Date }
  /** month-first and day-first readings, in that order */
  | { kind: "ambiguous"; readings: [Date, Date] };

const DOTNET = /^\/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\/$/;
const ISO_ZONED = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d\d:?\d\d)$/;
// 12-hour markers: Latin ones as words (AM, am, a.m., a. m.), the others wherever they stand.
const LATIN_MARKER = /(?:^|\s)([ap])\.? ?m\.?(?=\s|$)/i;
const OTHER_MARKERS: ReadonlyArray<[RegExp, "am" | "pm"]> = [
  [/午前|오전|上午|π\.?\s?μ\.?/, "am"],
  [/午後|오후|下午|μ\.?\s?μ\.?/, "pm"],
];
// Year first (2021-03-09, 2021/3/9, 2021. 03. 09.) or last (3/9/2021, 09.03.2021, 9-3-2021), then an optional
// time (10:15:02, 10.15.02, fractions of a second).
const LOCAL =
  /^(?:(\d{4})([-/.]) ?(\d{1,2})\2 ?(\d{1,2})\.?|(\d{1,2})([-/.])(\d{1,2})\6(\d{4})\.?)(?:[ T](\d{1,2})[:.](\d\d)(?:[:.](\d\d)(?:[.,]\d{1,9})?)?)?$/;
// ReportDate is a few dozen characters; longer text is no date (and is not worth running regexes over).
const MAX_DATE_CHARS = 100;

/** The time a ReportDate names, both readings when the locale decides it, or null when it is not a date. */
export function readReportDate(text: string): ReportTime | null {
  if (text.length > MAX_DATE_CHARS) return null;
  // .NET on ICU writes a narrow no-break space before AM/PM; some locales a no-break space.
  let s = text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  const dotNet = DOTNET.exec(s);
  // The milliseconds are UTC; the offset only says how to display them.
  if (dotNet) return time(Number(dotNet[1]));
  if (ISO_ZONED.test(s)) return time(Date.parse(s));

  let marker: "am" | "pm" | null = null;
  const latin = LATIN_MARKER.exec(s);
  if (latin) {
    marker = latin[1].toLowerCase() === "a" ? "am" : "pm";
    s = s.slice(0, latin.index) + s.slice(latin.index + latin[0].length);
  } else {
    for (const [pattern, which] of OTHER_MARKERS) {
      if (!pattern.test(s)) continue;
      marker = which;
      s = s.replace(pattern, " ");
      break;
    }
  }
  const m = LOCAL.exec(s.replace(/ +/g, " ").trim());
  if (m === null) return null;
  const hour = toHour(Number(m[9] ?? 0), marker, m[9] !== undefined);
  if (hour === null) return null;
  const clock = { hour, minute: Number(m[10] ?? 0), second: Number(m[11] ?? 0) };
  if (m[1] !== undefined) return time(utc(Number(m[1]), Number(m[3]), Number(m[4]), clock));

  const [first, second, year] = [Number(m[5]), Number(m[7]), Number(m[8])];
  const monthFirst = utc(year, first, second, clock);
  const dayFirst = utc(year, second, first, clock);
  if (m[6] === "." || first === second) return time(dayFirst);
  if (Number.isNaN(monthFirst)) return time(dayFirst);
  if (Number.isNaN(dayFirst)) return time(monthFirst);
  return { kind: "ambiguous", readings: [new Date(monthFirst), new Date(dayFirst)] };
}

// Health Checker names its report HealthChecker-VulnerabilityReport-yyyyMMddHHmmss.json, with the time it
// started, in the same local clock as ReportDate. A browser may have added " (1)" or a folder.
const FILE_NAME_TIME = /HealthChecker-VulnerabilityReport-(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?!\d)/i;

/** The time in a Health Checker report's file name, read as UTC like ReportDate; null when it has none. */
export function fileNameTime(name: string | null | undefined): Date | null {
  const m = typeof name === "string" ? FILE_NAME_TIME.exec(name.slice(-300)) : null;
  if (m === null) return null;
  return toolTime(utc(Number(m[1]), Number(m[2]), Number(m[3]), { hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) }));
}

function toHour(hour: number, marker: "am" | "pm" | null, given: boolean): number | null {
  if (marker === null) return hour;
  if (!given || hour > 12) return null; // "13:00 PM", or a marker without a time
  if (marker === "pm") return hour === 12 ? 12 : hour + 12;
  return hour === 12 ? 0 : hour;
}

// Epoch milliseconds, NaN for a date or time that does not exist (Date.UTC would roll 30 February into March).
function utc(year: number, month: number, day: number, t: { hour: number; minute: number; second: number }): number {
  const ms = Date.UTC(year, month - 1, day, t.hour, t.minute, t.second);
  const d = new Date(ms);
  const exists = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return exists && t.hour < 24 && t.minute < 60 && t.second < 60 ? ms : NaN;
}

function time(ms: number): ReportTime | null {
  const at = toolTime(ms);
  return at === null ? null : { kind: "time", at };
}
