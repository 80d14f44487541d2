import type { Status } from "@/lib/domain/statuses";

/** Badge colors: text contrast at least 4.5:1 in both themes. */
export const STATUS_BADGE_CLASSES: Record<Status, string> = {
  patched: "bg-green-100 text-green-800 ring-green-700/20 dark:bg-green-400/10 dark:text-green-300 dark:ring-green-400/30",
  unpatched: "bg-amber-100 text-amber-900 ring-amber-700/25 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30",
  mitigated: "bg-blue-100 text-blue-800 ring-blue-700/20 dark:bg-blue-400/10 dark:text-blue-300 dark:ring-blue-400/30",
  compromised: "bg-red-100 text-red-800 ring-red-700/25 dark:bg-red-400/15 dark:text-red-300 dark:ring-red-400/40",
  unknown: "bg-gray-100 text-gray-700 ring-gray-600/20 dark:bg-gray-400/10 dark:text-gray-300 dark:ring-gray-400/30",
};

/** The same colors the charts use (CSS variables defined in globals.css for both themes). */
export const STATUS_COLOR_VAR: Record<Status, string> = {
  patched: "var(--status-patched)",
  unpatched: "var(--status-unpatched)",
  mitigated: "var(--status-mitigated)",
  compromised: "var(--status-compromised)",
  unknown: "var(--status-unknown)",
};

export const STATUS_DOT_CLASSES: Record<Status, string> = {
  patched: "bg-[var(--status-patched)]",
  unpatched: "bg-[var(--status-unpatched)]",
  mitigated: "bg-[var(--status-mitigated)]",
  compromised: "bg-[var(--status-compromised)]",
  unknown: "bg-[var(--status-unknown)]",
};

export const STATUS_DESCRIPTIONS: Record<Status, string> = {
  patched: "Has the security updates that fix these CVEs",
  unpatched: "Vulnerable build, no mitigation",
  mitigated: "A stopgap (EOMT, URL rewrite) holds; still needs the update",
  compromised: "Indicators of compromise found",
  unknown: "Build unknown or the scan could not decide",
};
