"use client";

import { useActionState } from "react";
import type { ServerLifecycleView } from "@/lib/views";
import { IDLE, type FormState } from "../admin/form-state";
import { DateTime } from "../ui/date-time";
import { FIELD, LABEL } from "../upload/field-styles";

const WORDS: Record<ServerLifecycleView["kind"], string> = {
  disconnected: "Disconnected from the internet",
  reconnected: "Reconnected",
  decommissioned: "Decommissioned",
  recommissioned: "Back in service",
};

const BUTTON = "rounded-lg border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-gray-50 disabled:opacity-60 dark:border-gray-700 dark:bg-gray-900 dark:hover:bg-gray-800";

/**
 * Disconnected (CISA's stopgap: off the internet, mitigated until reconnected or patched) and decommissioned
 * (retired or moved to Exchange Online: out of every count from today), each reversible, with the marks so far.
 */
export function ServerLifecycle({
  serverId,
  disconnected,
  decommissioned,
  marks,
  action,
}: {
  serverId: number;
  disconnected: boolean;
  decommissioned: boolean;
  marks: ServerLifecycleView[];
  /** null for a client viewer: they read the marks */
  action: ((previous: FormState, data: FormData) => Promise<FormState>) | null;
}) {
  const [state, formAction, pending] = useActionState(action ?? (async () => IDLE), IDLE);
  return (
    <div className="space-y-3" data-testid="server-lifecycle">
      <p className="text-sm">
        {decommissioned
          ? "Decommissioned: it is left out of every count, table and chart; a scan that sees it again brings it back."
          : disconnected
            ? "Disconnected from the internet: it counts as mitigated for every emergency until it is reconnected or a scan shows it patched."
            : "In service and connected."}
      </p>
      {action ? (
        <form action={formAction} className="space-y-2">
          <div role="status" aria-live="polite">
            {state.status === "success" ? <p className="rounded-lg border border-green-300 bg-green-50 p-2 text-sm text-green-900 dark:border-green-500/40 dark:bg-green-950/50 dark:text-green-200">{state.message}</p> : null}
          </div>
          <div role="alert">
            {state.status === "error" && state.message ? <p className="rounded-lg border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-950/50 dark:text-red-200">{state.message}</p> : null}
          </div>
          <input type="hidden" name="serverId" value={serverId} />
          <label htmlFor="lifecycle-note" className={LABEL}>
            Note (optional)
          </label>
          <input id="lifecycle-note" name="note" maxLength={2000} placeholder="Why, and who decided" className={`${FIELD} w-full`} />
          <div className="flex flex-wrap gap-2">
            {!decommissioned ? (
              <button type="submit" name="action" value={disconnected ? "reconnect" : "disconnect"} disabled={pending} className={BUTTON}>
                {disconnected ? "Mark reconnected" : "Mark disconnected"}
              </button>
            ) : null}
            <button type="submit" name="action" value={decommissioned ? "recommission" : "decommission"} disabled={pending} className={BUTTON}>
              {decommissioned ? "Put back in service" : "Mark decommissioned"}
            </button>
          </div>
        </form>
      ) : null}
      {marks.length ? (
        <ul className="space-y-1 text-sm">
          {marks.map((m) => (
            <li key={m.id}>
              <span className="font-medium">{WORDS[m.kind]}</span> <DateTime value={m.at} /> by {m.recordedBy}
              {m.note ? <span className="text-gray-600 dark:text-gray-400">: {m.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
