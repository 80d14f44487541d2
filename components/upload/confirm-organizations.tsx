import { formatNumber, plural } from "../ui/format";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./field-styles";

export const CONFIRM_HEADING_ID = "upload-confirm-heading";
const SHOWN = 50;

/**
 * Before a file creates organizations: their names, and a choice. A typo in a name would otherwise create a new
 * client beside the real one, silently. Long lists show the first names and how many more.
 */
export function ConfirmOrganizations({ organizations, onConfirm, onCancel }: { organizations: string[]; onConfirm: () => void; onCancel: () => void }) {
  const shown = organizations.slice(0, SHOWN);
  const more = organizations.length - shown.length;
  return (
    <section
      aria-labelledby={CONFIRM_HEADING_ID}
      data-testid="confirm-organizations"
      className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950 dark:border-amber-400/40 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <h2 id={CONFIRM_HEADING_ID} tabIndex={-1} className="text-lg font-semibold tracking-tight focus:outline-none">
        Create {plural(organizations.length, "organization")}?
      </h2>
      <p className="mt-2 text-sm break-words">
        This upload will create {plural(organizations.length, "organization")}: {shown.join(", ")}
        {more > 0 ? `, and ${formatNumber(more)} more` : ""}.
      </p>
      <p className="mt-2 text-sm">
        Nothing has been imported yet. If a name is a misspelling of an organization you already have, cancel and give its name in the
        Organization field instead.
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={onConfirm} className={PRIMARY_BUTTON}>
          Create and import
        </button>
        <button type="button" onClick={onCancel} className={SECONDARY_BUTTON}>
          Cancel
        </button>
      </div>
    </section>
  );
}
