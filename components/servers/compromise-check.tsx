import type { CompromiseCheckView } from "@/lib/views";

const TONE = {
  clean: "border-green-300 bg-green-50 text-green-950 dark:border-green-500/50 dark:bg-green-950/50 dark:text-green-100",
  found: "border-red-300 bg-red-50 text-red-950 dark:border-red-500/50 dark:bg-red-950/60 dark:text-red-100",
  short: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-500/50 dark:bg-amber-950/50 dark:text-amber-100",
};

/**
 * The latest compromise check (a Test-ProxyLogon run): what it found, and how far back its logs reached. Its tone
 * and words come from the same open-indicator counts as the findings list, so it never says "clean" beside them.
 */
export function CompromiseCheck({ check }: { check: CompromiseCheckView | null }) {
  if (!check) {
    return (
      <p className="text-sm text-gray-600 dark:text-gray-400">
        No compromise check recorded. Build scans cannot see an intrusion: run Test-ProxyLogon.ps1 on the server and upload its output folder.
      </p>
    );
  }
  return (
    <div className="space-y-2" data-testid="compromise-check">
      <div className={`rounded-lg border px-3 py-2 text-sm ${TONE[check.tone]}`} data-tone={check.tone}>
        <p className="font-medium">
          {check.headline} <span className="font-normal">({check.tool})</span>
        </p>
        {check.note ? <p className="mt-1">{check.note}</p> : null}
      </div>
      {check.logCoverage ? (
        <p className={`rounded-lg border px-3 py-2 text-sm ${check.logsTooShort ? TONE.short : "border-gray-200 dark:border-gray-700"}`}>
          {check.logsTooShort ? <span className="font-semibold">Logs too short: </span> : null}
          {check.logCoverage}
        </p>
      ) : (
        <p className="text-sm text-gray-600 dark:text-gray-400">The check did not report how many days of logs it could read.</p>
      )}
    </div>
  );
}
