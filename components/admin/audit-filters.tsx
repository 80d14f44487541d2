import Form from "next/form";
import Link from "next/link";
import { FIELD, FIELD_ERROR, HINT, LABEL, PRIMARY_BUTTON } from "./styles";

export interface AuditFilterState {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/**
 * The audit log's filters as a plain GET form: the URL holds them, so a filtered view can be shared or
 * bookmarked, and applying them starts again at page 1. `problems` says which values of the URL were left out.
 */
export function AuditFilters({ actions, values, problems = [] }: { actions: { value: string; label: string }[]; values: AuditFilterState; problems?: string[] }) {
  const filtered = Boolean(values.action || values.actor || values.from || values.to);
  return (
    <Form action="/admin/audit" role="search" aria-label="Filter the audit log" className="mb-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56">
          <label htmlFor="audit-action" className={LABEL}>
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={values.action ?? ""} className={FIELD}>
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-56 flex-1 sm:max-w-xs">
          <label htmlFor="audit-actor" className={LABEL}>
            Who
          </label>
          <input id="audit-actor" name="actor" type="search" defaultValue={values.actor ?? ""} maxLength={320} autoComplete="off" placeholder="Name, email or token name" className={FIELD} />
        </div>
        <fieldset className="flex flex-wrap items-end gap-3" aria-describedby="audit-days-hint">
          <legend className="sr-only">Between two days, both included</legend>
          <div>
            <label htmlFor="audit-from" className={LABEL}>
              From
            </label>
            <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} max={values.to} className={FIELD} />
          </div>
          <div>
            <label htmlFor="audit-to" className={LABEL}>
              To
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} min={values.from} className={FIELD} />
          </div>
        </fieldset>
        <button type="submit" className={PRIMARY_BUTTON}>
          Apply filters
        </button>
        {filtered ? (
          <Link href="/admin/audit" className="rounded-lg px-3 py-2 text-sm font-medium text-blue-700 hover:bg-blue-50 dark:text-blue-400 dark:hover:bg-gray-800">
            Clear filters
          </Link>
        ) : null}
      </div>
      <p id="audit-days-hint" className={HINT}>
        Days are UTC days; both the first and the last are included.
      </p>
      <div role="alert" className="empty:hidden">
        {problems.map((p) => (
          <p key={p} className={FIELD_ERROR}>
            {p}
          </p>
        ))}
      </div>
    </Form>
  );
}
