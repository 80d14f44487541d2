import { huntSentence } from "@/lib/domain/hunt";
import type { CampaignHuntView } from "@/lib/views";
import { plural } from "../ui/format";
import { HuntBadge } from "./hunt-badge";
import { HuntCoverage } from "./hunt-coverage";

function exposureText(h: CampaignHuntView): string {
  const e = h.exposure;
  if (!e) return "No scan since its disclosure.";
  if (e.open) return `Exposed for ${plural(e.days, "day")} so far, since ${e.from}.`;
  return e.days === 0 ? `Patched at its first scan since the disclosure (${e.from}).` : `Patched in ${plural(e.days, "day")}: exposed from ${e.from} to ${e.patchedOn}.`;
}

/** Each campaign's hunt, in words, with how much of its window checks cover, and how long the server stayed exposed. */
export function HuntList({ campaigns }: { campaigns: CampaignHuntView[] }) {
  return (
    <ul className="divide-y divide-gray-100 dark:divide-gray-800" data-testid="hunt-list">
      {campaigns.map((c) => (
        <li key={c.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{c.name}</span>
              <HuntBadge state={c.hunt} />
            </div>
            <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">{huntSentence(c.hunt, c.huntWindow)}</p>
            <p className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">{exposureText(c)}</p>
          </div>
          <HuntCoverage window={c.huntWindow} />
        </li>
      ))}
    </ul>
  );
}
