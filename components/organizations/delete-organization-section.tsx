import { plural } from "../ui/format";
import type { FormState } from "../admin/form-state";
import { DeleteOrganizationForm } from "./delete-organization-form";

/** The organization page's "Danger zone", for admins: what deleting removes and what it keeps. */
export function DeleteOrganizationSection({
  slug,
  name,
  servers,
  action,
}: {
  slug: string;
  name: string;
  servers: number;
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  return (
    <section aria-labelledby="danger-zone-heading" className="mt-12 rounded-xl border border-red-300 bg-white p-4 shadow-sm sm:p-6 dark:border-red-500/40 dark:bg-gray-900">
      <h2 id="danger-zone-heading" className="text-lg font-semibold tracking-tight text-red-800 dark:text-red-300">
        Danger zone
      </h2>
      <h3 className="mt-3 font-medium">Delete this organization</h3>
      <ul className="mt-2 mb-5 list-disc space-y-1 pl-5 text-sm text-gray-700 dark:text-gray-300">
        <li>
          Deletes {name} with its {plural(servers, "server")}, their scans, findings and remediations. This cannot be undone.
        </li>
        <li>Users and API tokens assigned to it lose that assignment.</li>
        <li>The imports stay in the upload history.</li>
        <li>The deletion is recorded in the audit log, with your name.</li>
      </ul>
      <DeleteOrganizationForm slug={slug} name={name} action={action} />
    </section>
  );
}
