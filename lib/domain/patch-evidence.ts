// How one scan answers the patch question, by what its tool could see (PatchEvidence), and the reason that
// says so. status.ts builds a server's status and history from these.
import type { BuildVerdict } from "./build-verdict";
import type { PatchEvidence, ScanFacts } from "./facts";
import type { Status } from "./statuses";
import { dayOf } from "./days";

export type Judge = (build: string | null) => BuildVerdict;

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function evidenceOf(scan: ScanFacts): PatchEvidence {
  return scan.patchEvidence ?? "build";
}

// Only these scans speak to the patch verdict; "not-checked" and "offline" scans leave it as it was.
export function hasPatchEvidence(scan: ScanFacts): boolean {
  const evidence = evidenceOf(scan);
  return evidence !== "not-checked" && evidence !== "offline";
}

// A tool that could not reach the server saw nothing: neither a build, a mitigation nor a finding.
export function reachedServer(scan: ScanFacts): boolean {
  return evidenceOf(scan) !== "offline";
}

export function toolName(scan: ScanFacts): string {
  return scan.tool?.trim() || "the scanner";
}

// "the nmap scan", "the Test-ProxyLogon check"; "the scan" when the tool is not named.
export function runLabel(scan: ScanFacts, noun: "scan" | "check" = "scan"): string {
  const tool = scan.tool?.trim();
  return tool ? `the ${tool} ${noun}` : `the ${noun}`;
}

// A mitigation only matters while the server is not patched: it is a stopgap, never a patch.
// This holds for "unknown" too: a server of unknown patch level with the IIS URL Rewrite rule is at least
// mitigated, and "mitigated" still says "not patched", so it never overstates.
export function withMitigation(status: BuildVerdict["status"], mitigated: boolean): Status {
  return mitigated && status !== "patched" ? "mitigated" : status;
}

// The patch status a scan's evidence gives, without a reason: all the spans loop needs. "patched" and
// "unpatched" are conclusive; "unknown" is a scan that could not decide, which never erases one that could.
export function evidenceStatus(scan: ScanFacts, judge: Judge): BuildVerdict["status"] {
  switch (evidenceOf(scan)) {
    case "build":
      return judge(scan.build).status;
    case "vulnerable":
    case "exploitable":
      return "unpatched";
    case "not-determined":
      // The tool could not tell, but a build below the fix is a fact of its own: unpatched whatever the tool
      // says. A build that looks patched is not confirmed by a scan that could not decide.
      return judge(scan.build).status === "unpatched" ? "unpatched" : "unknown";
    default:
      return "unknown";
  }
}

// The build's own verdict, appended to a tool's finding. When the build looks patched, the bridge says why
// the status is not, or the reason would contradict it.
function buildNote(scan: ScanFacts, fromBuild: BuildVerdict, bridgeIfPatched: string): string {
  if (!scan.build?.trim()) return "";
  return fromBuild.status === "patched" ? ` ${bridgeIfPatched}: ${fromBuild.reason}` : ` ${fromBuild.reason}`;
}

export function offlineReason(scan: ScanFacts): string {
  return `Unknown: ${toolName(scan)} could not reach this server on ${dayOf(scan.scannedAt)}, so it was not scanned.`;
}

const cveList = (scan: ScanFacts) => unique(scan.cves ?? []).join(", ");

// What one scan says about the patch level. Product and CU come from the build only when the scan's
// evidence is about the patch: a compromise check or an unreachable server says nothing about the build.
export function scanVerdict(scan: ScanFacts, judge: Judge): BuildVerdict {
  const evidence = evidenceOf(scan);
  const fromBuild = judge(scan.build);
  if (evidence === "build") return fromBuild;
  const day = dayOf(scan.scannedAt);
  const status = evidenceStatus(scan, judge);
  const { product, cumulativeUpdate } = fromBuild;
  const outranks = "Its build looks patched, but the tool's finding outranks the build number";
  if (evidence === "exploitable") {
    const cves = scan.cves?.length ? ` to ${cveList(scan)}` : "";
    const reason = `Unpatched: ${toolName(scan)}'s live probe found the server exploitable${cves} on ${day}.` + buildNote(scan, fromBuild, outranks);
    return { status, product, cumulativeUpdate, reason };
  }
  if (evidence === "vulnerable") {
    const cves = scan.cves?.length ? ` to ${cveList(scan)}` : "";
    const reason = `Unpatched: ${toolName(scan)} found the server vulnerable${cves} on ${day}.` + buildNote(scan, fromBuild, outranks);
    return { status, product, cumulativeUpdate, reason };
  }
  if (evidence === "not-determined") {
    if (status === "unpatched") return fromBuild;
    const reason =
      `Unknown: ${runLabel(scan)} on ${day} could not determine whether the server is patched.` +
      buildNote(scan, fromBuild, "Its build alone looks patched, but this scan does not confirm it");
    return { status, product, cumulativeUpdate, reason };
  }
  const reason =
    evidence === "offline"
      ? offlineReason(scan)
      : `Unknown: ${runLabel(scan, "check")} on ${day} says nothing about the patch level: it only looks for compromise.`;
  return { status, product: null, cumulativeUpdate: null, reason };
}

// The patch verdict of a server none of whose scans has patch evidence. Scans must be sorted oldest first.
export function noEvidenceVerdict(scans: ScanFacts[]): BuildVerdict {
  const seen = scans.findLast(reachedServer);
  const reason = seen
    ? `Unknown: no scan of this server says which build it runs; ${runLabel(seen, "check")} on ` +
      `${dayOf(seen.scannedAt)} only looks for compromise.`
    : scans.length > 0
      ? offlineReason(scans[scans.length - 1])
      : "No scan yet, so the status is unknown.";
  return { status: "unknown", product: null, cumulativeUpdate: null, reason };
}
