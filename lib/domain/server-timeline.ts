// A server's state as its events are replayed in time order: the one place that decides a status, used both
// for the current state and for every day of the history, so the two can never disagree.
// The rules, in order of precedence:
// 1. Compromised while a finding (an indicator, not a lead) is dated at or after the last remediation: each
//    finding counts from its own time, and a remediation clears every finding dated before it.
// 2. The patch verdict is the latest conclusive scan's (patched or unpatched). A later scan that cannot decide
//    leaves it in place, unless it shows the server on another cumulative update, which voids the old proof.
// 3. A mitigation counts while the server is not patched, until a live probe shows the server exploitable:
//    evidence that a server is exploitable now outranks an older claim that it is protected.
// 4. A mitigation stops counting on the day a known exploit gets past it (OWASSRF and the ProxyNotShell rule).
// 5. A server marked disconnected (off the internet) counts as mitigated for every campaign until it is reconnected
//    or a scan shows it patched. A server marked decommissioned has no status from then on, until it is
//    recommissioned or a later scan sees it again.
// Scans come in as the campaign reads them (campaign-rules.ts readFor): their mitigation is one of its rules or null.
import type { BuildVerdict } from "./build-verdict";
import type { MitigationRule } from "./campaign-rules";
import type { FindingFacts, LifecycleFacts, ScanFacts } from "./facts";
import { evidenceOf, evidenceStatus, hasPatchEvidence, reachedServer, withMitigation, type Judge } from "./patch-evidence";
import { startOfDay } from "./days";
import type { Status } from "./statuses";

export interface JudgedScan {
  scan: ScanFacts;
  status: BuildVerdict["status"];
}

export class ServerTimeline {
  /** the latest scan that decided the patch question */
  conclusive: JudgedScan | null = null;
  /** the latest scan with patch evidence after `conclusive` that could not decide */
  inconclusive: ScanFacts | null = null;
  /** a scan after `conclusive` that shows the server on another CU than the one judged */
  contradiction: ScanFacts | null = null;
  mitigatedAt: ScanFacts | null = null;
  exploitableAt: ScanFacts | null = null;
  lastSeen: ScanFacts | null = null;
  lastFindingAt = -Infinity;
  lastRemediationAt = -Infinity;
  /** marked disconnected at (a time), until reconnected or shown patched */
  disconnectedAt: number | null = null;
  /** marked decommissioned at (a time), until recommissioned or seen again */
  decommissionedAt: number | null = null;
  /** a scan after the server was decommissioned saw it again: when, and since when it had been decommissioned */
  seenAgain: { at: number; decommissionedAt: number } | null = null;

  constructor(
    private readonly judge: Judge,
    private readonly mitigations: readonly MitigationRule[] = [],
  ) {}

  addScan(scan: ScanFacts): void {
    if (!reachedServer(scan)) return;
    this.lastSeen = scan;
    const time = scan.scannedAt.getTime();
    if (this.decommissionedAt !== null && time > this.decommissionedAt) {
      this.seenAgain = { at: time, decommissionedAt: this.decommissionedAt };
      this.decommissionedAt = null;
    }
    if (scan.mitigation && time >= (this.mitigatedAt?.scannedAt.getTime() ?? -Infinity)) this.mitigatedAt = scan;
    if (evidenceOf(scan) === "exploitable") this.exploitableAt = scan;
    if (!hasPatchEvidence(scan)) return;
    const status = evidenceStatus(scan, this.judge);
    if (status !== "unknown") {
      if (status === "patched") this.disconnectedAt = null;
      this.conclusive = { scan, status };
      this.inconclusive = null;
      this.contradiction = null;
      return;
    }
    this.inconclusive = scan;
    if (this.conclusive && this.contradiction === null && this.otherCumulativeUpdate(scan, this.conclusive.scan)) {
      this.contradiction = scan;
    }
  }

  addFinding(finding: FindingFacts): void {
    if (finding.kind === "indicator") this.lastFindingAt = Math.max(this.lastFindingAt, finding.at.getTime());
  }

  addLifecycle(event: LifecycleFacts): void {
    const at = event.at.getTime();
    if (event.kind === "disconnected") this.disconnectedAt = at;
    else if (event.kind === "reconnected") this.disconnectedAt = null;
    else if (event.kind === "decommissioned") {
      this.decommissionedAt = at;
      this.seenAgain = null;
    } else this.decommissionedAt = null;
  }

  get decommissioned(): boolean {
    return this.decommissionedAt !== null;
  }

  addRemediation(at: Date): void {
    this.lastRemediationAt = Math.max(this.lastRemediationAt, at.getTime());
  }

  get compromised(): boolean {
    return this.lastFindingAt > -Infinity && this.lastFindingAt >= this.lastRemediationAt;
  }

  /** The rule of the latest recorded mitigation. */
  get mitigationRule(): MitigationRule | null {
    const id = this.mitigatedAt?.mitigation;
    return id ? (this.mitigations.find((m) => m.id === id) ?? { id, name: id }) : null;
  }

  /** A live probe at or after the recorded mitigation showed the server exploitable. */
  get mitigationProbed(): boolean {
    return this.mitigatedAt !== null && this.exploitableAt !== null && this.exploitableAt.scannedAt.getTime() >= this.mitigatedAt.scannedAt.getTime();
  }

  /** A known exploit gets past the recorded mitigation at this time. */
  mitigationBypassedAt(at: number): boolean {
    const from = this.mitigationRule?.bypassedFrom;
    return from !== undefined && at >= startOfDay(from);
  }

  /** The recorded mitigation still stands at this time: not probed through, not bypassed. */
  mitigationHoldsAt(at: number): boolean {
    return this.mitigatedAt !== null && !this.mitigationProbed && !this.mitigationBypassedAt(at);
  }

  get patchStatus(): BuildVerdict["status"] {
    if (this.conclusive === null || this.contradiction !== null) return "unknown";
    return this.conclusive.status;
  }

  /** The status at this time; null while decommissioned (it counts nowhere). */
  statusAt(at: number): Status | null {
    return this.decommissioned ? null : this.liveStatusAt(at);
  }

  /** The status at this time as if it were not decommissioned (what its page says it would be). */
  liveStatusAt(at: number): Status {
    if (this.compromised) return "compromised";
    return withMitigation(this.patchStatus, this.stopgapHoldsAt(at));
  }

  /** A stopgap counts: a recorded mitigation that holds, or the server taken off the internet. */
  stopgapHoldsAt(at: number): boolean {
    return this.mitigationHoldsAt(at) || this.disconnectedAt !== null;
  }

  private otherCumulativeUpdate(later: ScanFacts, earlier: ScanFacts): boolean {
    const a = this.judge(later.build);
    const b = this.judge(earlier.build);
    if (a.product === null || b.product === null) return false;
    return a.product !== b.product || (a.cumulativeUpdate !== null && b.cumulativeUpdate !== null && a.cumulativeUpdate !== b.cumulativeUpdate);
  }
}

// Same-moment scans: a conclusive "not patched" is put after a "patched", so a tie never reads as patched.
export function sortScans(scans: ScanFacts[], judge: Judge): ScanFacts[] {
  const rank = (s: ScanFacts) => (hasPatchEvidence(s) && evidenceStatus(s, judge) === "patched" ? 0 : 1);
  return [...scans].sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime() || rank(a) - rank(b));
}
