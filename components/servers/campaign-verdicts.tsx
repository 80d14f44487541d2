import type { CampaignVerdictView } from "@/lib/views";
import { StatusBadge } from "../status/status-badge";
import { ToolVerdict } from "./tool-verdict";

function moreLabel(c: CampaignVerdictView): string {
  const parts = [c.mitigations.length > 0 ? "the stopgaps that count" : null, c.toolVerdicts.length > 0 ? `what ${c.toolVerdicts.length === 1 ? "1 tool" : `${c.toolVerdicts.length} tools`} said` : null];
  // A disagreement is worth opening for: say so on the closed row.
  const disagree = c.toolVerdicts.some((v) => v.agrees === false) ? " (a tool disagrees)" : "";
  return parts.filter(Boolean).join(" and ") + disagree;
}

/**
 * Each campaign's verdict on this server: status, the reason in words and what to install; the stopgaps and the
 * tools' own verdicts open on demand, so five campaigns fit in a screen.
 */
export function CampaignVerdicts({ campaigns }: { campaigns: CampaignVerdictView[] }) {
  return (
    <ul className="divide-y divide-gray-200 dark:divide-gray-800" data-testid="campaign-verdicts">
      {campaigns.map((c) => (
        <li key={c.id} className="py-3 first:pt-0 last:pb-0" data-testid={`campaign-${c.id}`}>
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
          {/* The compromise is server-wide and stated once, in the verdict: each campaign says what its patch level is. */}
          <p className="mt-1 text-sm text-gray-800 dark:text-gray-200">{c.status === "compromised" ? c.patchReason : c.reason}</p>
          {c.install ? <p className="mt-1 text-sm font-medium">{c.install}</p> : null}
          {c.mitigations.length > 0 || c.toolVerdicts.length > 0 ? (
            <details className="mt-1.5">
              <summary className="cursor-pointer text-sm text-blue-700 hover:underline dark:text-blue-400">Show {moreLabel(c)}</summary>
              <div className="mt-2 space-y-3 border-l-2 border-gray-200 pl-3 dark:border-gray-700">
                {c.mitigations.length > 0 ? (
                  <p className="text-xs text-gray-600 dark:text-gray-400">Stopgaps that count: {c.mitigations.join("; ")}.</p>
                ) : null}
                {c.toolVerdicts.map((v) => (
                  <ToolVerdict key={v.tool} verdict={v} />
                ))}
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
