import { foldUnchangedScans } from "@/lib/domain/scan-runs";
import { formatOfSource } from "@/lib/import/formats";
import type { ScanView } from "@/lib/views";
import { StatusBadge } from "../status/status-badge";
import { DateTime } from "../ui/date-time";
import { formatNumber, plural } from "../ui/format";
import { IndicatorList } from "./indicator-list";

const MITIGATIONS: Record<string, string> = { eomt: "EOMT / IIS URL Rewrite mitigation applied" };

const sourceName = (scan: ScanView) => scan.tool ?? formatOfSource(scan.source)?.name ?? scan.source;

// What a scan saw, on one line: the tool, the build, the address, a stopgap, how far back its logs reached.
function ScanFacts({ scan }: { scan: ScanView }) {
  const facts = [
    sourceName(scan),
    `build ${scan.build ?? "not reported"}`,
    scan.ipAddress ? `IP ${scan.ipAddress}` : null,
    scan.mitigation ? (MITIGATIONS[scan.mitigation] ?? `mitigation ${scan.mitigation}`) : null,
    scan.logAgeDays !== null ? `logs ${plural(scan.logAgeDays, "day")} back` : null,
  ];
  return <span className="text-xs text-gray-600 dark:text-gray-400">{facts.filter(Boolean).join(" · ")}</span>;
}

const DOT = "absolute -left-[7px] mt-1.5 size-3.5 rounded-full border-2 border-white dark:border-gray-900";

/**
 * The server's scans, newest first. A scan that changed something (its tool's first, a new verdict, build,
 * stopgap or finding) is shown with its reason; the runs of scans between them that changed nothing are one
 * row each, opened on demand.
 */
export function ScanTimeline({ scans, total }: { scans: ScanView[]; total: number }) {
  if (scans.length === 0) return <p className="text-sm text-gray-600 dark:text-gray-400">No scans recorded.</p>;
  return (
    <div data-testid="scan-history">
      <ol className="relative ml-2 border-l border-gray-300 dark:border-gray-700">
        {foldUnchangedScans(scans).map((entry) =>
          entry.kind === "change" ? (
            <li key={entry.scan.id} className="mb-4 ml-5 last:mb-0">
              <span aria-hidden="true" className={`${DOT} bg-gray-500 dark:bg-gray-400`} />
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <DateTime value={entry.scan.scannedAt} className="text-sm font-medium" />
                <StatusBadge status={entry.scan.status} />
                <ScanFacts scan={entry.scan} />
              </div>
              <p className="mt-1 text-sm text-gray-800 dark:text-gray-200">{entry.scan.reason}</p>
              {entry.scan.indicators.length > 0 ? (
                <div className="mt-1.5">
                  <IndicatorList indicators={entry.scan.indicators} label="Indicators found on this scan" />
                </div>
              ) : null}
            </li>
          ) : (
            <li key={`run-${entry.scans[0].id}`} className="mb-4 ml-5 last:mb-0" data-testid="unchanged-run">
              <span aria-hidden="true" className={`${DOT} bg-gray-300 dark:bg-gray-600`} />
              <details className="group">
                <summary className="cursor-pointer rounded text-sm text-gray-700 hover:text-gray-950 dark:text-gray-300 dark:hover:text-white">
                  {plural(entry.scans.length, "scan")}, no change, <DateTime value={entry.from} dateOnly />
                  {entry.scans.length > 1 ? (
                    <>
                      {" "}
                      – <DateTime value={entry.to} dateOnly />
                    </>
                  ) : null}
                </summary>
                <ol className="mt-2 space-y-1.5" aria-label="Scans that changed nothing">
                  {entry.scans.map((scan) => (
                    <li key={scan.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <DateTime value={scan.scannedAt} className="text-sm" />
                      <StatusBadge status={scan.status} />
                      <ScanFacts scan={scan} />
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ),
        )}
      </ol>
      {total > scans.length ? (
        <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">
          Showing the latest {plural(scans.length, "scan")} of {formatNumber(total)}.
        </p>
      ) : null}
    </div>
  );
}
