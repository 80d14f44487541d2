// Two explanations for the server page: how far back a compromise check could see, and whether another
// tool's vulnerable/not-vulnerable result matches the verdict from the build. Pure text, no framework.
import { dayOf } from "./days";

const DAY_MS = 24 * 60 * 60 * 1000;
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

// "2021-01-06" -> "January 6, 2021", spelled out here so the text never depends on the runtime's locale.
function longDate(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${MONTHS[month - 1]} ${date}, ${year}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export interface CompromiseCheck {
  checkedAt: Date;
  // How many days of logs the check could read (Test-ProxyLogon's LogAgeDays); null when not reported.
  logAgeDays: number | null;
  indicatorCount: number;
  // Accepted for callers that have it; the page shows the tool next to these texts, so they do not repeat it.
  tool: string;
}

export interface CompromiseCheckDescription {
  headline: string;
  logCoverage: string | null;
  // The logs start after exploitation began, so a clean result cannot rule out an earlier compromise.
  logsTooShort: boolean;
}

function logCoverage(checkedAt: Date, logAgeDays: number, exploitedFrom: string): { text: string; tooShort: boolean } {
  const from = dayOf(new Date(checkedAt.getTime() - logAgeDays * DAY_MS));
  const began = longDate(exploitedFrom);
  const days = plural(logAgeDays, "day");
  // Days compare as text: YYYY-MM-DD sorts by date.
  if (from > exploitedFrom) {
    return {
      text: `Logs cover only ${days} (from ${from}); exploitation began ${began}, so earlier attacks would not show.`,
      tooShort: true,
    };
  }
  if (from === exploitedFrom) {
    return { text: `Logs cover ${days}, back to ${began}, when exploitation began.`, tooShort: false };
  }
  return { text: `Logs cover ${days}, back before exploitation began on ${began}.`, tooShort: false };
}

/** A check against the campaign it covers: `exploitedFrom` (YYYY-MM-DD) is when that campaign's exploitation began. */
export function describeCompromiseCheck(check: CompromiseCheck, exploitedFrom: string): CompromiseCheckDescription {
  const found = check.indicatorCount > 0 ? `${plural(check.indicatorCount, "indicator")} found` : "nothing found";
  const headline = `Checked for compromise on ${dayOf(check.checkedAt)}: ${found}`;
  const { logAgeDays } = check;
  // A negative or non-numeric age is a broken report: say nothing rather than something wrong.
  if (logAgeDays === null || !Number.isFinite(logAgeDays) || logAgeDays < 0) {
    return { headline, logCoverage: null, logsTooShort: false };
  }
  const coverage = logCoverage(check.checkedAt, logAgeDays, exploitedFrom);
  return { headline, logCoverage: coverage.text, logsTooShort: coverage.tooShort };
}

export interface ToolVerdict {
  tool: string;
  vulnerable: boolean | "unknown";
  cves: string[];
}

// Callers pass the patch verdict of the same scan's build (judgeBuild's status, "mitigated" when EOMT was
// applied), never the server's overall status: a compromise is a separate question from this comparison.
export type PatchVerdictStatus = "patched" | "unpatched" | "mitigated" | "unknown";

export interface ToolComparison {
  // null: one side could not decide, so there is nothing to compare.
  agrees: boolean | null;
  text: string;
}

function vulnerableTo(cves: string[]): string {
  const unique = [...new Set(cves.map((c) => c.trim()).filter((c) => c !== ""))];
  return unique.length > 0 ? `vulnerable (${unique.join(", ")})` : "vulnerable";
}

export function compareToolVerdict(tool: ToolVerdict, ours: PatchVerdictStatus): ToolComparison {
  const name = tool.tool.trim() || "The scanner";
  if (tool.vulnerable === "unknown") {
    return {
      agrees: null,
      text:
        `${name} could not determine whether this server is vulnerable, so it neither confirms nor contradicts ` +
        "the build's verdict.",
    };
  }
  const says = tool.vulnerable ? vulnerableTo(tool.cves) : "not vulnerable";
  if (ours === "unknown") {
    return {
      agrees: null,
      text:
        `${name} reports this server ${says}; its build alone cannot tell whether it is patched, so there is ` +
        "nothing to compare.",
    };
  }
  if (tool.vulnerable) {
    if (ours === "patched") {
      return {
        agrees: false,
        text:
          `${name} reports this server ${says} but its build is at or above the fixed one: check the build and ` +
          "re-run the tool.",
      };
    }
    const why = ours === "mitigated" ? "its build is not patched, only mitigated" : "its build is not patched";
    return { agrees: true, text: `${name} reports this server ${says}, as expected: ${why}.` };
  }
  if (ours === "patched") {
    return { agrees: true, text: `${name} reports this server not vulnerable, as expected: its build is patched.` };
  }
  // A tool that says "not vulnerable" about an unpatched build is trusted less than the build: the dashboard
  // keeps showing it as not patched until a scan shows the fixed build.
  const mitigation = ours === "mitigated" ? ", only mitigated" : "";
  return {
    agrees: false,
    text:
      `${name} reports this server not vulnerable, but its build is not patched${mitigation}: treat it as ` +
      "vulnerable, check the build and re-run the tool.",
  };
}
