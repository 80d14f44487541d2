import type { PatchLevelView } from "@/lib/views";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-gray-600 dark:text-gray-400">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The server's whole patch level from the build table: release, support, the latest update, what it lacks. */
export function PatchLevelCard({ level }: { level: PatchLevelView }) {
  const behind = level.updatesBehind === null ? "cannot tell from this build" : level.updatesBehind === 0 ? "none: up to date" : `${level.updatesBehind}`;
  return (
    <div className="space-y-3 text-sm" data-testid="patch-level">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <Row label="Version">
          {level.product ? `${level.product} ${level.release ?? "(unknown release)"}` : "unknown"}
          {level.releaseDate ? <span className="text-gray-600 dark:text-gray-400"> · released {level.releaseDate}</span> : null}
        </Row>
        <Row label="Support">
          {level.supported === null ? "unknown" : level.supported ? `supported until ${level.extendedSupportEnds}` : `ended ${level.extendedSupportEnds}: no more security updates`}
        </Row>
        <Row label="Latest update">{level.installed ? (level.installed.securityUpdate && level.installed.securityUpdate !== level.installed.update ? `${level.installed.update} (includes ${level.installed.securityUpdate})` : level.installed.update) : "none on this release"}</Row>
        <Row label="Security updates behind">{behind}</Row>
      </dl>
      {level.openCves.length > 0 ? (
        <div>
          <h3 className="mb-1 font-semibold">
            Open CVEs ({level.openCves.length}){level.openCves.some((c) => c.kev) ? ", known-exploited first" : ""}
          </h3>
          {/* Focusable so that a keyboard can scroll it. */}
          <ul className="max-h-48 space-y-1 overflow-y-auto" data-testid="open-cves" tabIndex={0} aria-label="Open CVEs">
            {level.openCves.map((c) => (
              <li key={c.cve} className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-mono text-xs">{c.cve}</span>
                {c.kev ? (
                  <span className="rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-400/15 dark:text-red-300">
                    known exploited{c.kev.ransomware ? ", ransomware" : ""}
                  </span>
                ) : null}
                <span className="text-xs text-gray-600 dark:text-gray-400">fixed by {c.fixedBy}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-gray-700 dark:text-gray-300">{level.determined ? "No open CVEs known for this build." : level.reason}</p>
      )}
    </div>
  );
}
