"use client";

import { useEffect, useRef, useState } from "react";
import type { ImportSummary } from "@/lib/views";
import { mayCreateOrganizations } from "./may-create-organizations";
import { readUnmappedHeader, type UnmappedHeader } from "./unmapped-header";
import { checkFiles, expectedImports, groupProxyLogonFiles, pendingFiles } from "./upload-files";
import type { ProgressState } from "./upload-progress";
import { uploadScans, type UploadError, type UploadFields, type UploadOutcome } from "./upload-request";

/** An "unmapped_header" answer waiting for the user to map its columns. */
export interface MappingState {
  header: UnmappedHeader;
  /** the files not imported yet, the one to map among them */
  files: File[];
  /** imports committed so far, by this and earlier requests */
  imports: ImportSummary[];
  /** why the last attempt with a mapping failed */
  error?: UploadError;
}

interface SendOptions {
  before?: ImportSummary[];
  mapping?: MappingState;
  /** sent after this request succeeds: the other files of a request stopped by an unmapped header */
  then?: { files: File[]; fields: UploadFields };
  /** the user agreed to the organizations this upload creates: no check first */
  confirmed?: boolean;
}

/** A checked upload that would create organizations, waiting for the user's yes. */
export interface ConfirmState {
  organizations: string[];
  files: File[];
  fields: UploadFields;
  options: SendOptions;
}

export type UploadView =
  | { kind: "idle"; notice?: string; focusInput?: boolean }
  // `mapping` keeps the panel (and what the user chose in it) on screen while its import runs.
  | { kind: "busy"; progress: ProgressState; mapping?: MappingState }
  | { kind: "confirm"; confirm: ConfirmState }
  | { kind: "done"; imports: ImportSummary[] }
  | { kind: "error"; error: UploadError; fileName: string; files: File[]; imports: ImportSummary[] }
  | { kind: "mapping"; mapping: MappingState };

// Errors of a request sent with a mapping that the mapping panel explains itself.
const MAPPING_ERRORS = new Set([
  "mapping_exists",
  "mapping_mismatch",
  "mapping_incomplete",
  "mapping_needs_organization",
  "organization_forbidden",
  "organization_required",
  "unmapped_header",
]);

/**
 * The upload flow's state: choose files, send them with the options, map an unknown header, show what was imported.
 * An upload that may create organizations is checked first (a dry run, nothing written) and, when it would, waits
 * for the user to agree before it is sent for real.
 */
export function useUpload(maxBytes: number, organizations: readonly string[]) {
  const [view, setView] = useState<UploadView>({ kind: "idle" });
  const abort = useRef<(() => void) | null>(null);

  useEffect(() => () => abort.current?.(), []);

  /** One request, with its progress on screen; `checking` for a dry run. */
  async function request(files: File[], fields: UploadFields, mapping: MappingState | undefined, checking: boolean): Promise<{ outcome: UploadOutcome; lastFile: string }> {
    const uploadTotal = files.reduce((sum, f) => sum + f.size, 0);
    const progress: ProgressState = { files, uploadTotal, uploaded: 0, server: null, importCount: expectedImports(files), checking };
    const update = (change: (p: ProgressState) => Partial<ProgressState>) =>
      setView((v) => (v.kind === "busy" ? { ...v, progress: { ...v.progress, ...change(v.progress) } } : v));
    setView({ kind: "busy", progress, mapping });
    let lastFile = "";
    const sent = uploadScans(files, fields, {
      onUploadProgress: (loaded, total) => update(() => ({ uploaded: loaded, uploadTotal: total })),
      onUploaded: () => update((p) => ({ uploaded: p.uploadTotal })),
      onServerProgress: (server) => {
        lastFile = server.file;
        update(() => ({ server }));
      },
    });
    abort.current = sent.abort;
    const outcome = await sent.done;
    abort.current = null;
    return { outcome, lastFile };
  }

  /** Back to where the user was before this request: the mapping panel, the imports so far, or the start. */
  function stepBack({ before = [], mapping }: SendOptions, notice: string) {
    if (mapping) setView({ kind: "mapping", mapping });
    else if (before.length > 0) setView({ kind: "done", imports: before });
    else setView({ kind: "idle", notice, focusInput: true });
  }

  async function send(files: File[], fields: UploadFields, options: SendOptions = {}): Promise<void> {
    const { before = [], mapping, then } = options;
    const problem = checkFiles(files, maxBytes);
    if (problem) {
      setView({ kind: "error", error: problem, fileName: files.length === 1 ? files[0].name : "", files: [], imports: before });
      return;
    }
    if (!options.confirmed && mayCreateOrganizations(fields, organizations)) {
      const checked = await request(files, { ...fields, dryRun: true }, mapping, true);
      if (checked.outcome.kind === "aborted") return stepBack(options, "Upload cancelled; nothing was imported.");
      if (checked.outcome.kind === "error") {
        // What the check found is what the import would stop at; nothing of it was imported.
        return explain(files, { ...checked.outcome, imports: [] }, checked.lastFile, options);
      }
      if (checked.outcome.newOrganizations.length > 0) {
        setView({ kind: "confirm", confirm: { organizations: checked.outcome.newOrganizations, files, fields, options } });
        return;
      }
    }
    const { outcome, lastFile } = await request(files, fields, mapping, false);
    if (outcome.kind === "aborted") return stepBack(options, "Upload cancelled; nothing was imported.");
    const imports = [...before, ...outcome.imports];
    if (outcome.kind === "result") {
      if (then && then.files.length > 0) return send(then.files, then.fields, { before: imports });
      setView({ kind: "done", imports });
      return;
    }
    explain(files, outcome, lastFile, options);
  }

  function explain(files: File[], outcome: Extract<UploadOutcome, { kind: "error" }>, lastFile: string, { before = [], mapping, then }: SendOptions) {
    const imports = [...before, ...outcome.imports];
    const pending = pendingFiles(files, outcome.imports);
    const header = outcome.error.code === "unmapped_header" ? readUnmappedHeader(outcome.error.details) : null;
    const withRest = [...pending, ...(then?.files ?? [])];
    if (header) {
      setView({ kind: "mapping", mapping: { header, files: withRest, imports, error: mapping ? outcome.error : undefined } });
    } else if (mapping && MAPPING_ERRORS.has(outcome.error.code)) {
      setView({ kind: "mapping", mapping: { ...mapping, files: withRest, imports, error: outcome.error } });
    } else {
      const details = outcome.error.details as { fileName?: unknown } | undefined;
      const fileName = typeof details?.fileName === "string" ? details.fileName : lastFile || (files.length === 1 ? files[0].name : "");
      setView({ kind: "error", error: outcome.error, fileName, files: withRest, imports });
    }
  }

  /** Imports the file the mapping is for with `extra` (a saved mapping's name, or a mapping spec), then the others. */
  function sendMapped(state: MappingState, base: UploadFields, extra: Pick<UploadFields, "mapping" | "mappingSpec" | "saveMappingAs">) {
    const target = state.files.filter((f) => f.name === state.header.fileName);
    // The header's file may be inside a .zip, whose name the server reports instead: then all go, mapping and all.
    if (target.length === 0) return send(state.files, { ...base, ...extra }, { before: state.imports, mapping: state });
    const rest = state.files.filter((f) => !target.includes(f));
    return send(target, { ...base, format: "mapped-csv", ...extra }, { before: state.imports, mapping: state, then: { files: rest, fields: base } });
  }

  return {
    view,
    send: (files: File[], fields: UploadFields, before?: ImportSummary[]) => send(groupProxyLogonFiles(files), fields, { before }),
    sendMapped,
    confirm: ({ files, fields, options }: ConfirmState) => send(files, fields, { ...options, confirmed: true }),
    decline: (state: ConfirmState) => stepBack(state.options, "Cancelled; nothing was imported and no organization was created."),
    cancel: () => abort.current?.(),
    reset: (focusInput = false) => setView({ kind: "idle", focusInput }),
  };
}
