/** Marks data older than the stale threshold: the numbers next to it may no longer be true. */
export function StaleBadge({ title = "No scan within the stale threshold" }: { title?: string }) {
  return (
    <span
      title={title}
      className="ml-1.5 inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-amber-900 uppercase ring-1 ring-amber-700/30 ring-inset dark:text-amber-200 dark:ring-amber-300/40"
    >
      Stale
    </span>
  );
}
