"use client";

import { useId, useOptimistic, useTransition } from "react";
import { useUrlState } from "../data-table/use-url-state";
import { FIELD, LABEL } from "../upload/field-styles";

const DEFAULTS = { behind: "", cve: "", notScannedDays: "", hunt: "", page: "1" } as const;

interface Filters {
  behind: boolean;
  cve: string;
  notScannedDays: string;
  hunt: string;
}

// The hunt filter's choices: the `hunt=` values (several states, comma-separated) and their words.
const HUNT_CHOICES = [
  ["needed,partly-hunted", "Needs a hunt (none or part)"],
  ["needed", "No check yet"],
  ["partly-hunted", "Partly hunted"],
  ["hunted", "Hunted"],
  ["not-needed", "Not needed"],
  ["compromised", "Compromised"],
] as const;

/** The servers table's own filters: behind on security updates, a known-exploited CVE still open, not scanned lately. */
export function ServerFilters({
  behind,
  cve,
  cves,
  notScannedDays,
  staleAfterDays,
  hunt,
}: {
  behind: boolean;
  cve: string | undefined;
  cves: { cve: string; name: string }[];
  notScannedDays: number | undefined;
  /** the stale threshold (a setting), offered first */
  staleAfterDays: number;
  /** the hunt states chosen, comma-separated as in the address */
  hunt: string;
}) {
  const id = useId();
  const { setParams, isPending } = useUrlState(DEFAULTS);
  // The controls show the choice at once; the list follows when the navigation lands.
  const [shown, show] = useOptimistic<Filters>({ behind, cve: cve ?? "", notScannedDays: notScannedDays ? String(notScannedDays) : "", hunt });
  const [, startTransition] = useTransition();
  const choose = (next: Filters) =>
    startTransition(() => {
      show(next);
      setParams({ behind: next.behind ? "1" : undefined, cve: next.cve || undefined, notScannedDays: next.notScannedDays || undefined, hunt: next.hunt || undefined, page: undefined });
    });
  const dayChoices = [...new Set([staleAfterDays, 30, 90, 365, ...(notScannedDays ? [notScannedDays] : [])])].sort((a, b) => a - b);
  return (
    <div className="mb-3 flex flex-wrap items-end gap-x-6 gap-y-2" aria-busy={isPending} data-testid="server-filters">
      <label className="flex items-center gap-2 text-sm font-medium text-gray-700 dark:text-gray-300">
        <input
          type="checkbox"
          checked={shown.behind}
          onChange={(event) => choose({ ...shown, behind: event.target.checked })}
          className="size-4 rounded border-gray-300 dark:border-gray-600"
        />
        Behind on security updates
      </label>
      <div>
        <label htmlFor={`${id}-cve`} className={LABEL}>
          Open CVE
        </label>
        <select id={`${id}-cve`} value={shown.cve} onChange={(event) => choose({ ...shown, cve: event.target.value })} className={`${FIELD} mt-1`}>
          <option value="">Any</option>
          {cves.map((c) => (
            <option key={c.cve} value={c.cve}>
              {c.cve} ({c.name.replace(/^Microsoft Exchange Server /, "")})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-not-scanned`} className={LABEL}>
          Not scanned in
        </label>
        <select
          id={`${id}-not-scanned`}
          value={shown.notScannedDays}
          onChange={(event) => choose({ ...shown, notScannedDays: event.target.value })}
          className={`${FIELD} mt-1`}
        >
          <option value="">Any time</option>
          {dayChoices.map((days) => (
            <option key={days} value={String(days)}>
              {days} days{days === staleAfterDays ? " (stale)" : ""}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-hunt`} className={LABEL}>
          Hunt
        </label>
        <select id={`${id}-hunt`} value={shown.hunt} onChange={(event) => choose({ ...shown, hunt: event.target.value })} className={`${FIELD} mt-1`}>
          <option value="">Any</option>
          {shown.hunt && !HUNT_CHOICES.some(([value]) => value === shown.hunt) ? <option value={shown.hunt}>{shown.hunt}</option> : null}
          {HUNT_CHOICES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
