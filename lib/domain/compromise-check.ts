// The compromise-check card on the server page, told from the same counts as the findings listed beside it. The
// latest check alone would contradict them: a run that finds nothing (its logs rotated) does not clear what an
// earlier run found, and a re-run that lists old hits again does not re-open what a remediation cleared.
import { describeCompromiseCheck, type CompromiseCheckDescription } from "./scan-evidence";
import { dayOf } from "./days";

export type CompromiseCheckTone = "found" | "clean";

export interface CompromiseCheckFacts {
  checkedAt: Date;
  logAgeDays: number | null;
  tool: string;
  /** indicators the check reported that are dated at or after the last remediation */
  open: number;
  /** indicators it reported that are dated before the last remediation (reported again, cleared) */
  cleared: number;
}

export interface CompromiseCheckExplained extends CompromiseCheckDescription {
  /** "clean" exactly when the server has no open indicator, whichever scan reported it */
  tone: CompromiseCheckTone;
  /** what else the reader needs so that the card and the findings list agree; null when nothing */
  note: string | null;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The latest check explained against the server's open indicators (`openOnServer`: every open indicator, from
 * any scan, counted as the findings list counts them). `exploitedFrom` dates the campaign the check covers.
 */
export function explainCompromiseCheck(check: CompromiseCheckFacts, openOnServer: number, exploitedFrom: string): CompromiseCheckExplained {
  const described = describeCompromiseCheck({ ...check, indicatorCount: check.open }, exploitedFrom);
  const day = `Checked for compromise on ${dayOf(check.checkedAt)}`;
  const stillOpen = Math.max(openOnServer, check.open);
  if (check.open > 0) {
    const note = stillOpen > check.open ? `${count(stillOpen, "open indicator")} in all, with those of earlier scans.` : null;
    return { ...described, tone: "found", note };
  }
  const reportedAgain = check.cleared > 0 ? `${count(check.cleared, "earlier finding")} reported again, dated before the last remediation` : "nothing new found";
  if (stillOpen > 0) {
    return {
      ...described,
      headline: `${day}: ${reportedAgain}`,
      tone: "found",
      note: `${count(stillOpen, "indicator")} from earlier scans ${stillOpen === 1 ? "is" : "are"} still open: a check that finds nothing does not clear them. Record a remediation once the server has been cleaned.`,
    };
  }
  return { ...described, headline: check.cleared > 0 ? `${day}: ${reportedAgain}, so cleared` : described.headline, tone: "clean", note: null };
}
