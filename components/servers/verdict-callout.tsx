import type { Guidance } from "@/lib/domain/guidance";
import { STATUS_LABELS, type Status } from "@/lib/domain/statuses";
import type { RemediationFormState } from "./remediation-form-state";
import { RemediationForm } from "./remediation-form";
import { DateTime } from "../ui/date-time";

const CALLOUT: Record<Status, string> = {
  compromised: "border-red-300 bg-red-50 text-red-950 dark:border-red-500/50 dark:bg-red-950/60 dark:text-red-100",
  unpatched: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-500/50 dark:bg-amber-950/50 dark:text-amber-100",
  mitigated: "border-blue-300 bg-blue-50 text-blue-950 dark:border-blue-500/50 dark:bg-blue-950/50 dark:text-blue-100",
  patched: "border-green-300 bg-green-50 text-green-950 dark:border-green-500/50 dark:bg-green-950/50 dark:text-green-100",
  unknown: "border-gray-300 bg-gray-100 text-gray-900 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-100",
};

export interface RemediationSlot {
  serverId: number;
  /** the server action (app/servers/[id]/actions.ts) */
  action: (previous: RemediationFormState, formData: FormData) => Promise<RemediationFormState>;
}

/**
 * The verdict in words, in a box colored by status, with the next action in it: what to install, and for a
 * compromised server the "Mark remediated" form (`remediation` is null for callers who may not record one). The
 * form stays mounted whatever the status, so its answer is still shown once the server is no longer compromised.
 */
export function VerdictCallout({
  status,
  reason,
  compromisedAt,
  guidance,
  remediation,
}: {
  status: Status;
  reason: string;
  compromisedAt: string | null;
  guidance: Guidance;
  remediation: RemediationSlot | null;
}) {
  const compromised = status === "compromised";
  return (
    <section aria-labelledby="verdict-heading" className={`rounded-xl border-2 p-4 sm:p-5 ${CALLOUT[status]}`} data-testid="verdict">
      <div className={compromised && remediation ? "grid gap-x-6 gap-y-4 lg:grid-cols-[minmax(0,1fr)_minmax(20rem,26rem)]" : ""}>
        <div>
          <h2 id="verdict-heading" className="text-base font-semibold">
            Verdict: {STATUS_LABELS[status]}
          </h2>
          <p className="mt-1 text-sm leading-6">{reason}</p>
          {compromised && compromisedAt ? (
            <p className="mt-1 text-sm">
              Compromised since <DateTime value={compromisedAt} />.
            </p>
          ) : null}
          <div className="mt-3 text-sm" data-testid="next-action">
            <p className="font-medium">{guidance.action}</p>
            {guidance.install.length > 0 ? (
              <ul aria-label="What to install" className="mt-1 list-disc space-y-0.5 pl-5">
                {guidance.install.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
            {compromised && !remediation ? (
              <p className="mt-2">A technician or an admin records the remediation here once the server has been cleaned.</p>
            ) : null}
          </div>
        </div>
        {remediation ? <RemediationForm serverId={remediation.serverId} compromised={compromised} action={remediation.action} /> : null}
      </div>
    </section>
  );
}
