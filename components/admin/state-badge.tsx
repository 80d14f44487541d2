const TONES = {
  green: "bg-green-50 text-green-800 ring-green-600/30 dark:bg-green-950/50 dark:text-green-300 dark:ring-green-400/30",
  gray: "bg-gray-100 text-gray-700 ring-gray-500/30 dark:bg-gray-800 dark:text-gray-300 dark:ring-gray-400/30",
  amber: "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/50 dark:text-amber-200 dark:ring-amber-400/30",
  red: "bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-400/30",
} as const;

/** A small pill for a row's state (active, deactivated, revoked…); the word carries the meaning, not the color. */
export function StateBadge({ tone, children }: { tone: keyof typeof TONES; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}
