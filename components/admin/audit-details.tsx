import { detailItems } from "./audit-detail-format";

/** The detail of an audit event, compact; a shortened value keeps its whole text for screen readers and in a tooltip. */
export function AuditDetails({ detail }: { detail: Record<string, unknown> }) {
  const items = detailItems(detail);
  if (items.length === 0) return <span className="text-gray-600 dark:text-gray-400">None</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {items.map((item) => (
        <div key={item.key} className="flex gap-1">
          <dt className="shrink-0 text-gray-600 dark:text-gray-400">{item.label}:</dt>
          {item.full ? (
            <dd title={item.full} className="break-all">
              <span aria-hidden="true" className={item.mono ? "font-mono" : undefined}>
                {item.text}
              </span>
              <span className="sr-only">{item.full}</span>
            </dd>
          ) : (
            <dd className="break-words">{item.text}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
