import Form from "next/form";
import Link from "next/link";
import { FIELD, LABEL, PRIMARY_BUTTON } from "./styles";

/**
 * The audit log's filters as a plain GET form: the URL holds them, so a filtered view can be shared or
 * bookmarked, and applying them starts again at page 1.
 */
export function AuditFilters({ actions, action, actor }: { actions: { value: string; label: string }[]; action?: string; actor?: string }) {
  const filtered = Boolean(action || actor);
  return (
    <Form action="/admin/audit" role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-56">
        <label htmlFor="audit-action" className={LABEL}>
          Action
        </label>
        <select id="audit-action" name="action" defaultValue={action ?? ""} className={FIELD}>
          <option value="">Any action</option>
          {actions.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-56 flex-1 sm:max-w-sm">
        <label htmlFor="audit-actor" className={LABEL}>
          Who
        </label>
        <input id="audit-actor" name="actor" type="search" defaultValue={actor ?? ""} maxLength={320} autoComplete="off" placeholder="Email or token name" className={FIELD} />
      </div>
      <button type="submit" className={PRIMARY_BUTTON}>
        Apply filters
      </button>
      {filtered ? (
        <Link href="/admin/audit" className="rounded-lg px-3 py-2 text-sm font-medium text-blue-700 hover:bg-blue-50 dark:text-blue-400 dark:hover:bg-gray-800">
          Clear filters
        </Link>
      ) : null}
    </Form>
  );
}
