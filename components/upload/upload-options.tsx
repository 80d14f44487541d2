"use client";

import { FIELD, FIELD_ERROR, HINT, LABEL } from "./field-styles";
import { FORMAT_OPTIONS, formatName, type UploadFormat } from "./format-names";
import type { OptionsDraft } from "./upload-options-draft";

export const ORGANIZATION_INPUT_ID = "upload-organization";

/**
 * The options sent with the files. The organization stays in view because Test-ProxyLogon,
 * nmap and Nessus files name none; the rarer format and scan time fold away, their values
 * repeated on the toggle so a forgotten choice is not hidden.
 */
export function UploadOptions({
  value,
  onChange,
  disabled,
  organizationMissing,
  organizationsListId,
}: {
  value: OptionsDraft;
  onChange: (value: OptionsDraft) => void;
  disabled: boolean;
  organizationMissing: boolean;
  organizationsListId: string;
}) {
  const describedBy = `${ORGANIZATION_INPUT_ID}-hint${organizationMissing ? ` ${ORGANIZATION_INPUT_ID}-error` : ""}`;
  const chosen = [value.format !== "auto" ? formatName(value.format) : "", value.scanTime ? `scanned ${value.scanTime.replace("T", " ")} UTC` : ""].filter(Boolean);

  return (
    <fieldset disabled={disabled} className="space-y-3">
      <legend className="sr-only">Import options</legend>
      <div>
        <label htmlFor={ORGANIZATION_INPUT_ID} className={LABEL}>
          Organization
        </label>
        <input
          id={ORGANIZATION_INPUT_ID}
          type="text"
          list={organizationsListId}
          autoComplete="off"
          maxLength={200}
          value={value.organization}
          onChange={(e) => onChange({ ...value, organization: e.target.value })}
          aria-invalid={organizationMissing || undefined}
          aria-describedby={describedBy}
          className={FIELD}
        />
        <p id={`${ORGANIZATION_INPUT_ID}-hint`} className={HINT}>
          Needed for Test-ProxyLogon, nmap and Nessus files, which name none. When given, it applies to every server in the file. Before a
          file creates an organization, the page asks.
        </p>
        {organizationMissing ? (
          <p id={`${ORGANIZATION_INPUT_ID}-error`} className={FIELD_ERROR}>
            Enter the organization these servers belong to.
          </p>
        ) : null}
      </div>
      <details className="rounded-lg border border-gray-200 bg-white px-3 py-2 dark:border-gray-800 dark:bg-gray-900">
        <summary className="cursor-pointer text-sm font-medium text-blue-700 select-none dark:text-blue-400">
          More options
          {chosen.length > 0 ? <span className="ml-2 font-normal text-gray-600 dark:text-gray-400">({chosen.join(", ")})</span> : null}
        </summary>
        <div className="mt-3 grid gap-3 pb-1 sm:grid-cols-2">
          <div>
            <label htmlFor="upload-format" className={LABEL}>
              File format
            </label>
            <select
              id="upload-format"
              value={value.format}
              onChange={(e) => onChange({ ...value, format: e.target.value as UploadFormat })}
              className={FIELD}
            >
              {FORMAT_OPTIONS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="upload-scan-time" className={LABEL}>
              Scan time (UTC)
            </label>
            <input
              id="upload-scan-time"
              type="datetime-local"
              value={value.scanTime}
              onChange={(e) => onChange({ ...value, scanTime: e.target.value })}
              aria-describedby="upload-scan-time-hint"
              className={FIELD}
            />
            <p id="upload-scan-time-hint" className={HINT}>
              Empty: the time in the file, or else the upload time.
            </p>
          </div>
        </div>
      </details>
    </fieldset>
  );
}
