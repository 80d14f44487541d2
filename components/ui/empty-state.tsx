export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-gray-300 bg-white px-6 py-12 text-center dark:border-gray-700 dark:bg-gray-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mx-auto size-10 text-gray-400 dark:text-gray-500" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
        <path d="M3 7h18M3 12h18M3 17h10" />
      </svg>
      <p className="mt-4 text-base font-semibold">{title}</p>
      {children ? <div className="mx-auto mt-2 max-w-md text-sm text-gray-600 dark:text-gray-400">{children}</div> : null}
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
