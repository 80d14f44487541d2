"use client";

import { useOptimistic, useTransition } from "react";
import { STATUSES, STATUS_LABELS, type Status } from "@/lib/domain/statuses";
import { STATUS_DOT_CLASSES } from "../status/status-styles";

/** Several statuses at once, as toggles in severity order; none chosen means any status. */
export function StatusFilter({ label, value, onChange }: { label: string; value: Status[]; onChange: (next: Status[]) => void }) {
  // The toggles show the choice at once; the rows follow when the navigation lands.
  const [shown, show] = useOptimistic(value);
  const [, startTransition] = useTransition();
  const toggle = (status: Status) =>
    startTransition(() => {
      const next = shown.includes(status) ? shown.filter((s) => s !== status) : STATUSES.filter((s) => s === status || shown.includes(s));
      show(next);
      onChange(next);
    });
  return (
    <fieldset>
      <legend className="mb-1 block text-xs font-medium text-gray-700 dark:text-gray-300">{label}</legend>
      <div className="flex flex-wrap gap-1.5">
        {STATUSES.map((status) => {
          const on = shown.includes(status);
          return (
            <label
              key={status}
              className={`inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-2.5 py-1.5 text-xs font-medium select-none has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600 ${
                on
                  ? "border-gray-900 bg-gray-900 text-white dark:border-gray-100 dark:bg-gray-100 dark:text-gray-900"
                  : "border-gray-300 bg-white text-gray-700 hover:bg-gray-50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-300 dark:hover:bg-gray-800"
              }`}
            >
              <input type="checkbox" className="sr-only" checked={on} onChange={() => toggle(status)} />
              <span aria-hidden="true" className={`size-2 rounded-full ${STATUS_DOT_CLASSES[status]}`} />
              {STATUS_LABELS[status]}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
