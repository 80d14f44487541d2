import { plural } from "../ui/format";
import type { FormState } from "../admin/form-state";
import { DeleteOrganizationForm } from "./delete-organization-form";
import { SettingsSection } from "./settings-section";

/** The settings' "Danger zone", for admins: what deleting the organization removes and what it keeps. */
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
    <SettingsSection id="danger-zone" title="Danger zone" danger>
      <h3 className="font-medium">Delete this organization</h3>
      <ul className="mt-2 mb-5 list-disc space-y-1 pl-5 text-sm text-gray-700 dark:text-gray-300">
        <li>
          Deletes {name} with its {plural(servers, "server")}, their scans, findings and remediations. This cannot be undone.
        </li>
        <li>Users and API tokens assigned to it lose that assignment.</li>
        <li>The imports stay in the upload history.</li>
        <li>The deletion is recorded in the audit log, with your name.</li>
      </ul>
      <DeleteOrganizationForm slug={slug} name={name} action={action} />
    </SettingsSection>
  );
}
