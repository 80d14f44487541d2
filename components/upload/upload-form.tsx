"use client";

import { useEffect, useState } from "react";
import { CONFIRM_HEADING_ID, ConfirmOrganizations } from "./confirm-organizations";
import { DropZone, FILE_INPUT_ID } from "./drop-zone";
import { MappingPanel } from "./mapping-panel";
import { ORGANIZATION_INPUT_ID, UploadOptions } from "./upload-options";
import { INITIAL_OPTIONS, toUploadFields, type OptionsDraft } from "./upload-options-draft";
import { UploadErrorPanel } from "./upload-error";
import { UploadProgress } from "./upload-progress";
import { UploadResults } from "./upload-results";
import { summaryHeadingId } from "./upload-summary";
import { useUpload } from "./use-upload";

const ORGANIZATIONS_LIST_ID = "upload-organization-names";

/** The upload flow: set the options, choose or drop files, watch them import, map an unknown header, read the summaries. */
export function UploadForm({ maxBytes, organizations }: { maxBytes: number; organizations: string[] }) {
  const [options, setOptions] = useState<OptionsDraft>(INITIAL_OPTIONS);
  const { view, send, sendMapped, confirm, decline, cancel, reset } = useUpload(maxBytes, organizations);
  const fields = toUploadFields(options);
  const busy = view.kind === "busy" || view.kind === "confirm";
  const mapping = view.kind === "mapping" ? view.mapping : view.kind === "busy" ? view.mapping : undefined;
  const organizationMissing = view.kind === "error" && view.error.code === "organization_required" && !options.organization.trim();
  const committed = view.kind === "error" ? view.imports : mapping?.imports ?? [];

  useEffect(() => {
    if (view.kind === "done") document.getElementById(summaryHeadingId(0))?.focus();
    else if (view.kind === "confirm") document.getElementById(CONFIRM_HEADING_ID)?.focus();
    else if (view.kind === "error" && view.error.code === "organization_required") document.getElementById(ORGANIZATION_INPUT_ID)?.focus();
    else if (view.kind === "idle" && view.focusInput) document.getElementById(FILE_INPUT_ID)?.focus();
  }, [view]);

  return (
    <div className="space-y-4">
      <datalist id={ORGANIZATIONS_LIST_ID}>
        {organizations.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>

      {view.kind === "done" ? (
        <UploadResults imports={view.imports} onAgain={() => reset(true)} />
      ) : (
        <>
          <UploadOptions
            value={options}
            onChange={setOptions}
            disabled={busy}
            organizationMissing={organizationMissing}
            organizationsListId={ORGANIZATIONS_LIST_ID}
          />
          {mapping ? (
            <MappingPanel
              state={mapping}
              busy={busy}
              organizationField={options.organization}
              organizationsListId={ORGANIZATIONS_LIST_ID}
              onUseSaved={(name) => sendMapped(mapping, fields, { mapping: name })}
              onImport={(mappingSpec, saveMappingAs) => sendMapped(mapping, fields, { mappingSpec, saveMappingAs })}
              onCancel={() => reset(true)}
            />
          ) : (
            <DropZone onFiles={(files) => send(files, fields)} disabled={busy} maxBytes={maxBytes} />
          )}
        </>
      )}

      {view.kind === "confirm" ? (
        <ConfirmOrganizations organizations={view.confirm.organizations} onConfirm={() => confirm(view.confirm)} onCancel={() => decline(view.confirm)} />
      ) : null}

      {view.kind === "busy" ? <UploadProgress state={view.progress} onCancel={cancel} /> : null}

      <div role="status" aria-live="polite" className="text-sm text-gray-700 empty:hidden dark:text-gray-300">
        {view.kind === "idle" && view.notice ? view.notice : null}
      </div>

      <div role="alert" id="upload-error" className="empty:hidden">
        {view.kind === "error" ? (
          <UploadErrorPanel
            error={view.error}
            fileName={view.fileName}
            pending={view.files}
            committed={view.imports.length}
            onRetry={() => send(view.files, fields, view.imports)}
          />
        ) : null}
      </div>

      {committed.length > 0 ? (
        <div className="space-y-2">
          <p className="text-sm font-medium text-gray-700 dark:text-gray-300">Imported before this:</p>
          <UploadResults imports={committed} />
        </div>
      ) : null}
    </div>
  );
}
