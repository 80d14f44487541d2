/**
 * One block of an organization's settings: a titled card. `danger` marks what cannot be undone. Each setting an
 * admin can change (a patch target, …) gets one, in the order the settings page lists them.
 */
export function SettingsSection({
  id,
  title,
  description,
  danger = false,
  children,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
  danger?: boolean;
  children: React.ReactNode;
}) {
  const frame = danger ? "border-red-300 dark:border-red-500/40" : "border-gray-200 dark:border-gray-800";
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={`mb-8 scroll-mt-6 rounded-xl border bg-white p-4 shadow-sm sm:p-6 dark:bg-gray-900 ${frame}`}>
      <h2 id={`${id}-heading`} className={`text-lg font-semibold tracking-tight ${danger ? "text-red-800 dark:text-red-300" : ""}`}>
        {title}
      </h2>
      {description ? <div className="mt-1 max-w-3xl text-sm text-gray-600 dark:text-gray-400">{description}</div> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
