import type { ToolVerdictView } from "@/lib/views";
import { STATUS_LABELS } from "@/lib/domain/statuses";
import { DateTime } from "../ui/date-time";

function toolSays(v: ToolVerdictView): string {
  if (v.vulnerable === "unknown") return "could not tell";
  if (!v.vulnerable) return "not vulnerable";
  return v.cves.length > 0 ? `vulnerable (${v.cves.join(", ")})` : "vulnerable";
}

/** A tool's own verdict next to the one Patchboard derives from the same scan's build; a disagreement stands out. */
export function ToolVerdict({ verdict }: { verdict: ToolVerdictView }) {
  const disagree = verdict.agrees === false;
  return (
    <div data-testid="tool-verdict" className="space-y-3 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-gray-600 dark:text-gray-400">{verdict.tool} says</dt>
        <dd className="font-medium">{toolSays(verdict)}</dd>
        <dt className="text-gray-600 dark:text-gray-400">Patchboard says</dt>
        <dd className="font-medium">{STATUS_LABELS[verdict.ours]} (from the build)</dd>
        <dt className="text-gray-600 dark:text-gray-400">Scan of</dt>
        <dd>
          <DateTime value={verdict.scannedAt} />
        </dd>
      </dl>
      <p
        role={disagree ? "note" : undefined}
        className={
          disagree
            ? "rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-500/50 dark:bg-amber-950/50 dark:text-amber-100"
            : "text-gray-700 dark:text-gray-300"
        }
      >
        {disagree ? <span className="font-semibold">They disagree: </span> : null}
        {verdict.text}
      </p>
    </div>
  );
}
