import { HUNT_LABELS, type HuntState } from "@/lib/domain/hunt";

const CLASSES: Record<HuntState, string> = {
  compromised: "bg-red-100 text-red-800 ring-red-700/25 dark:bg-red-400/15 dark:text-red-300 dark:ring-red-400/40",
  needed: "bg-orange-100 text-orange-900 ring-orange-700/25 dark:bg-orange-400/10 dark:text-orange-300 dark:ring-orange-400/30",
  "partly-hunted": "bg-yellow-100 text-yellow-900 ring-yellow-700/25 dark:bg-yellow-400/10 dark:text-yellow-200 dark:ring-yellow-400/30",
  hunted: "bg-green-100 text-green-800 ring-green-700/20 dark:bg-green-400/10 dark:text-green-300 dark:ring-green-400/30",
  "not-needed": "bg-gray-100 text-gray-700 ring-gray-600/20 dark:bg-gray-400/10 dark:text-gray-300 dark:ring-gray-400/30",
};

/** A server's hunt state for a campaign, as a badge beside its status. */
export function HuntBadge({ state }: { state: HuntState }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${CLASSES[state]}`}>{HUNT_LABELS[state]}</span>;
}
