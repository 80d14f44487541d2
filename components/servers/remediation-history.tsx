import type { RemediationView } from "@/lib/views";
import { DateTime } from "../ui/date-time";

/** Every remediation recorded for the server, newest first. They are never deleted. */
export function RemediationHistory({ remediations }: { remediations: RemediationView[] }) {
  if (remediations.length === 0) {
    return <p className="text-sm text-gray-600 dark:text-gray-400">No remediation has been recorded for this server.</p>;
  }
  return (
    <ol className="space-y-3">
      {remediations.map((r) => (
        <li key={r.id} className="rounded-lg border border-gray-200 p-3 dark:border-gray-800">
          <p className="text-xs text-gray-600 dark:text-gray-400">
            <DateTime value={r.remediatedAt} /> · recorded by {r.recordedBy}
          </p>
          <p className="mt-1 text-sm break-words whitespace-pre-wrap">{r.note}</p>
        </li>
      ))}
    </ol>
  );
}
