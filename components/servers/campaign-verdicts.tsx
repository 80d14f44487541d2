import type { CampaignVerdictView } from "@/lib/views";
import { StatusBadge } from "../status/status-badge";
import { ToolVerdict } from "./tool-verdict";

/** Each campaign's verdict on this server: status, the reason in words, what to install, the stopgaps, the tools. */
export function CampaignVerdicts({ campaigns }: { campaigns: CampaignVerdictView[] }) {
  return (
    <ul className="divide-y divide-gray-200 dark:divide-gray-800" data-testid="campaign-verdicts">
      {campaigns.map((c) => (
        <li key={c.id} className="py-4 first:pt-0 last:pb-0" data-testid={`campaign-${c.id}`}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold">{c.name}</h3>
            <StatusBadge status={c.status} />
            {c.status === "compromised" ? (
              <span className="text-xs text-gray-600 dark:text-gray-400">
                patch level: <StatusBadge status={c.patchStatus} />
              </span>
            ) : null}
            {c.findings > 0 ? <span className="text-xs font-medium text-red-700 dark:text-red-300">{c.findings} open findings tied to it</span> : null}
          </div>
          <p className="mt-1 text-sm text-gray-800 dark:text-gray-200">{c.reason}</p>
          {c.install ? <p className="mt-1 text-sm font-medium">{c.install}</p> : null}
          {c.mitigations.length > 0 ? (
            <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">Stopgaps that count: {c.mitigations.join("; ")}.</p>
          ) : null}
          {c.toolVerdicts.length > 0 ? (
            <div className="mt-3 space-y-3">
              {c.toolVerdicts.map((v) => (
                <ToolVerdict key={v.tool} verdict={v} />
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
