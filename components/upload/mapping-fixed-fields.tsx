import type { RefObject } from "react";
import { FIELD, HINT, LABEL } from "./field-styles";

/** An organization and a scan time for every row, for files whose rows do not say. */
export function MappingFixedFields({
  organization,
  scanTime,
  onOrganization,
  onScanTime,
  organizationField,
  organizationsListId,
  organizationRef,
}: {
  organization: string;
  scanTime: string;
  onOrganization: (value: string) => void;
  onScanTime: (value: string) => void;
  /** the Organization field above the drop zone */
  organizationField: string;
  organizationsListId: string;
  organizationRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">For every row of the file</legend>
      <div>
        <label htmlFor="mapping-fixed-organization" className={LABEL}>
          Organization for the whole file
        </label>
        <input
          ref={organizationRef}
          id="mapping-fixed-organization"
          type="text"
          list={organizationsListId}
          autoComplete="off"
          maxLength={200}
          value={organization}
          onChange={(e) => onOrganization(e.target.value)}
          aria-describedby="mapping-fixed-organization-hint"
          className={FIELD}
        />
        <p id="mapping-fixed-organization-hint" className={HINT}>
          When no column holds it.
          {organizationField.trim() ? ` Empty: “${organizationField.trim()}” from the Organization field.` : ""}
        </p>
      </div>
      <div>
        <label htmlFor="mapping-fixed-scan-time" className={LABEL}>
          Scan time for the whole file (UTC)
        </label>
        <input
          id="mapping-fixed-scan-time"
          type="datetime-local"
          value={scanTime}
          onChange={(e) => onScanTime(e.target.value)}
          aria-describedby="mapping-fixed-scan-time-hint"
          className={FIELD}
        />
        <p id="mapping-fixed-scan-time-hint" className={HINT}>
          When no column holds it. Empty: the Scan time option, or else the upload time.
        </p>
      </div>
    </fieldset>
  );
}
