import type { RecordedHuntView } from "@/lib/views";
import { DateTime } from "../ui/date-time";

/** The hunts recorded by hand on this server, latest first. */
export function RecordedHunts({ hunts }: { hunts: RecordedHuntView[] }) {
  if (hunts.length === 0) return <p className="text-sm text-gray-600 dark:text-gray-400">No hunt recorded by hand.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="recorded-hunts">
      {hunts.map((h) => (
        <li key={h.id} className="rounded-lg border border-gray-200 p-3 dark:border-gray-800">
          <p className="font-medium">
            {h.fromDay} to {h.toDay} with {h.tool}:{" "}
            <span className={h.result === "found" ? "text-red-800 dark:text-red-300" : "text-green-800 dark:text-green-300"}>{h.result === "found" ? "found something" : "nothing found"}</span>
          </p>
          {h.note ? <p className="mt-1 whitespace-pre-wrap text-gray-700 dark:text-gray-300">{h.note}</p> : null}
          <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">
            Recorded by {h.recordedBy}, <DateTime value={h.createdAt} relative />
          </p>
        </li>
      ))}
    </ul>
  );
}
