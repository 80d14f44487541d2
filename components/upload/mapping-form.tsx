"use client";

import { useEffect, useRef, useState } from "react";
import { FIELD, FIELD_ERROR, HINT, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON } from "./field-styles";
import { guessColumns } from "./guess-mapping";
import { MappingFieldSelect, mappingSelectId } from "./mapping-field-select";
import { MappingFixedFields } from "./mapping-fixed-fields";
import { checkDraft, toMappingSpec, type DraftProblems, type MappingDraft, type MappingSpec } from "./mapping-spec";
import type { CanonicalField, UnmappedHeader } from "./unmapped-header";
import type { UploadError } from "./upload-request";

const SAVE_ID = "mapping-save-as";

/** Which column holds what, values for the whole file, and a name to keep the mapping under. */
export function MappingForm({
  header,
  organizationField,
  organizationsListId,
  busy,
  error,
  onImport,
  onCancel,
}: {
  header: UnmappedHeader;
  organizationField: string;
  organizationsListId: string;
  busy: boolean;
  /** why the last import with this mapping failed */
  error?: UploadError;
  onImport: (spec: MappingSpec, saveAs: string | undefined) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<MappingDraft>(() => ({
    columns: guessColumns(header.header, header.fields.map((f) => f.name)),
    fixedOrganization: "",
    fixedScanTime: "",
    saveAs: "",
  }));
  const [problems, setProblems] = useState<DraftProblems>({});
  const [sentName, setSentName] = useState("");
  const saveRef = useRef<HTMLInputElement>(null);
  const organizationRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (error?.code === "mapping_exists") saveRef.current?.focus();
    else if (error?.code === "organization_required" || error?.code === "mapping_needs_organization") organizationRef.current?.focus();
  }, [error]);

  const change = (next: Partial<MappingDraft>, cleared: keyof DraftProblems) => {
    setDraft((d) => ({ ...d, ...next }));
    setProblems(({ [cleared]: _, ...rest }) => rest);
  };
  const setColumn = (field: CanonicalField, column: string) => change({ columns: { ...draft.columns, [field]: column } }, field);

  const organizationHint = organizationField.trim()
    ? `The Organization field above (“${organizationField.trim()}”) overrides this column: empty it to use the column.`
    : "Or give one for the whole file below.";
  const nameTaken = error?.code === "mapping_exists" && sentName !== "" && draft.saveAs.trim() === sentName;
  const saveProblem = problems.saveAs ?? (nameTaken ? `The name “${sentName}” is taken. Choose another name, or leave this empty.` : undefined);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const found = checkDraft(draft, header.fields, organizationField);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first === "saveAs" ? SAVE_ID : mappingSelectId(first))?.focus();
      return;
    }
    const name = draft.saveAs.trim();
    setSentName(name);
    onImport(toMappingSpec(draft), name || undefined);
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-6">
      <fieldset disabled={busy} className="space-y-6">
        <legend className="sr-only">Column mapping</legend>
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">Columns</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {header.fields.map((field) => (
              <MappingFieldSelect
                key={field.name}
                field={field}
                columns={header.header}
                value={draft.columns[field.name] ?? ""}
                onChange={(column) => setColumn(field.name, column)}
                problem={problems[field.name]}
                hint={field.name === "organization" ? organizationHint : undefined}
              />
            ))}
          </div>
        </fieldset>
        <MappingFixedFields
          organization={draft.fixedOrganization}
          scanTime={draft.fixedScanTime}
          onOrganization={(value) => change({ fixedOrganization: value }, "organization")}
          onScanTime={(value) => setDraft((d) => ({ ...d, fixedScanTime: value }))}
          organizationField={organizationField}
          organizationsListId={organizationsListId}
          organizationRef={organizationRef}
        />
        <div className="max-w-sm">
          <label htmlFor={SAVE_ID} className={LABEL}>
            Save this mapping as
          </label>
          <input
            ref={saveRef}
            id={SAVE_ID}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            value={draft.saveAs}
            onChange={(e) => change({ saveAs: e.target.value }, "saveAs")}
            aria-invalid={saveProblem ? true : undefined}
            aria-describedby={`${SAVE_ID}-hint${saveProblem ? ` ${SAVE_ID}-error` : ""}`}
            className={`${FIELD} font-mono`}
          />
          <p id={`${SAVE_ID}-hint`} className={HINT}>
            Optional, for example rmm-inventory: lower-case letters, digits, dots, dashes, underscores. Files with these columns are then
            offered it.
          </p>
          {saveProblem ? (
            <p id={`${SAVE_ID}-error`} className={FIELD_ERROR}>
              {saveProblem}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={PRIMARY_BUTTON}>
            Import with this mapping
          </button>
          <button type="button" onClick={onCancel} className={SECONDARY_BUTTON}>
            Choose another file
          </button>
        </div>
      </fieldset>
    </form>
  );
}
