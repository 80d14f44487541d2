import { formatOfSource } from "@/lib/import/formats";
import type { ScanView } from "@/lib/views";
import { StatusBadge } from "../status/status-badge";
import { DateTime } from "../ui/date-time";
import { plural } from "../ui/format";
import { IndicatorList } from "./indicator-list";

const MITIGATIONS: Record<string, string> = { eomt: "EOMT / IIS URL Rewrite mitigation applied" };

/** The server's scans as a vertical timeline, newest first. */
export function ScanTimeline({ scans }: { scans: ScanView[] }) {
  if (scans.length === 0) return <p className="text-sm text-gray-600 dark:text-gray-400">No scans recorded.</p>;
  return (
    <ol className="relative ml-2 border-l border-gray-300 dark:border-gray-700">
      {scans.map((scan) => (
        <li key={scan.id} className="mb-6 ml-6 last:mb-0">
          <span aria-hidden="true" className="absolute -left-[7px] mt-1.5 size-3.5 rounded-full border-2 border-white bg-gray-400 dark:border-gray-900 dark:bg-gray-500" />
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <DateTime value={scan.scannedAt} className="text-sm font-medium" />
            <StatusBadge status={scan.status} />
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-gray-600 dark:text-gray-400">Build</dt>
            <dd className="font-mono text-xs leading-5">{scan.build ?? "not reported"}</dd>
            {scan.ipAddress ? (
              <>
                <dt className="text-gray-600 dark:text-gray-400">IP address</dt>
                <dd className="font-mono text-xs leading-5">{scan.ipAddress}</dd>
              </>
            ) : null}
            {scan.mitigation ? (
              <>
                <dt className="text-gray-600 dark:text-gray-400">Mitigation</dt>
                <dd>{MITIGATIONS[scan.mitigation] ?? scan.mitigation}</dd>
              </>
            ) : null}
            {scan.logAgeDays !== null ? (
              <>
                <dt className="text-gray-600 dark:text-gray-400">Logs</dt>
                <dd>{plural(scan.logAgeDays, "day")} back</dd>
              </>
            ) : null}
            <dt className="text-gray-600 dark:text-gray-400">Source</dt>
            <dd>{scan.tool ?? formatOfSource(scan.source)?.name ?? scan.source}</dd>
          </dl>
          <p className="mt-2 text-sm text-gray-800 dark:text-gray-200">{scan.reason}</p>
          {scan.indicators.length > 0 ? (
            <div className="mt-2">
              <IndicatorList indicators={scan.indicators} label={`Indicators found on this scan`} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
