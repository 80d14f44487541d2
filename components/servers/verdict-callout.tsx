import type { Guidance } from "@/lib/domain/guidance";
import { STATUS_LABELS, type Status } from "@/lib/domain/statuses";
import { DateTime } from "../ui/date-time";

const CALLOUT: Record<Status, string> = {
  compromised: "border-red-300 bg-red-50 text-red-950 dark:border-red-500/50 dark:bg-red-950/60 dark:text-red-100",
  unpatched: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-500/50 dark:bg-amber-950/50 dark:text-amber-100",
  mitigated: "border-blue-300 bg-blue-50 text-blue-950 dark:border-blue-500/50 dark:bg-blue-950/50 dark:text-blue-100",
  patched: "border-green-300 bg-green-50 text-green-950 dark:border-green-500/50 dark:bg-green-950/50 dark:text-green-100",
  unknown: "border-gray-300 bg-gray-100 text-gray-900 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-100",
};

/** The verdict in words, in a prominent box colored by status, and what to do next for this server. */
export function VerdictCallout({ status, reason, compromisedAt, guidance }: { status: Status; reason: string; compromisedAt: string | null; guidance: Guidance }) {
  return (
    <section aria-labelledby="verdict-heading" className={`rounded-xl border-2 p-5 ${CALLOUT[status]}`} data-testid="verdict">
      <h2 id="verdict-heading" className="text-base font-semibold">
        Verdict: {STATUS_LABELS[status]}
      </h2>
      <p className="mt-2 text-sm leading-6">{reason}</p>
      {status === "compromised" && compromisedAt ? (
        <p className="mt-2 text-sm">
          Compromised since <DateTime value={compromisedAt} />.
        </p>
      ) : null}
      <p className="mt-3 text-sm font-medium" data-testid="next-action">
        {guidance.action}
        {guidance.install.map((line) => (
          <span key={line} className="block font-normal">
            {line}
          </span>
        ))}
      </p>
    </section>
  );
}
