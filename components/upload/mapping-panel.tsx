"use client";

import { useEffect, useRef } from "react";
import { describeError } from "./error-text";
import { MappingForm } from "./mapping-form";
import { MappingPreview } from "./mapping-preview";
import type { MappingSpec } from "./mapping-spec";
import { SavedMappings } from "./saved-mappings";
import type { MappingState } from "./use-upload";

/**
 * Shown when the server does not recognise a file's header: its first rows, the saved
 * mappings that fit, and a form to match the columns by hand. It stays on screen while
 * the import with the mapping runs, so a refused name or mapping can be corrected in place.
 */
export function MappingPanel({
  state,
  busy,
  organizationField,
  organizationsListId,
  onUseSaved,
  onImport,
  onCancel,
}: {
  state: MappingState;
  busy: boolean;
  organizationField: string;
  organizationsListId: string;
  onUseSaved: (name: string) => void;
  onImport: (spec: MappingSpec, saveAs: string | undefined) => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { header, error } = state;

  // A new header to map (not a retry of this one) is news: take the user to it.
  useEffect(() => heading.current?.focus(), [header]);

  // A taken name is explained next to the name field instead.
  const shown = error && error.code !== "mapping_exists" ? { ...describeError(error, header.fileName), message: error.message } : null;

  return (
    <section
      aria-labelledby="mapping-heading"
      className="space-y-5 rounded-xl border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-800 dark:bg-gray-900"
    >
      <div>
        <h2 id="mapping-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold tracking-tight break-words focus:outline-none">
          Match the columns of {header.fileName ? `“${header.fileName}”` : "the file"}
        </h2>
        <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
          Patchboard does not recognise this file&apos;s columns. Say which column holds what; nothing has been imported from it yet.
        </p>
      </div>
      <div role="alert" className="empty:hidden">
        {shown ? (
          <div className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-500/50 dark:bg-red-950/50 dark:text-red-100">
            <p className="font-semibold">{shown.title}</p>
            <p className="mt-1">{shown.message}</p>
            {shown.hint ? <p className="mt-1">{shown.hint}</p> : null}
          </div>
        ) : null}
      </div>
      <SavedMappings mappings={header.mappings} fields={header.fields} disabled={busy} onUse={onUseSaved} />
      <MappingPreview fileName={header.fileName} header={header.header} rows={header.preview} />
      <MappingForm
        // The same header again keeps what the user chose; another header starts afresh.
        key={`${header.fileName}\n${header.header.join("\n")}`}
        header={header}
        organizationField={organizationField}
        organizationsListId={organizationsListId}
        busy={busy}
        error={error}
        onImport={onImport}
        onCancel={onCancel}
      />
    </section>
  );
}
