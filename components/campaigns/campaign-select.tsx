"use client";

import { useId } from "react";
import { useUrlState } from "../data-table/use-url-state";

const DEFAULTS = { campaign: "all", page: "1" } as const;

/** The emergency a page is shown for; the choice lives in the URL, so a view can be shared. */
export function CampaignSelect({ campaigns, value }: { campaigns: { id: string; name: string }[]; value: string }) {
  const id = useId();
  const { setParams, isPending } = useUrlState(DEFAULTS);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-gray-700 dark:text-gray-300">
        Emergency
      </label>
      <select
        id={id}
        data-testid="campaign-select"
        value={value}
        aria-busy={isPending}
        onChange={(event) => setParams({ campaign: event.target.value, page: undefined })}
        className="rounded-lg border border-gray-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-blue-500 focus:ring-2 focus:ring-blue-500/40 focus:outline-none dark:border-gray-700 dark:bg-gray-900"
      >
        <option value="all">All known-exploited</option>
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
