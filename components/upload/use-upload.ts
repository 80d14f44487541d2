"use client";

import { useEffect, useRef, useState } from "react";
import type { ImportSummary } from "@/lib/views";
import { readUnmappedHeader, type UnmappedHeader } from "./unmapped-header";
import { checkFiles, expectedImports, groupProxyLogonFiles, pendingFiles } from "./upload-files";
import type { ProgressState } from "./upload-progress";
import { uploadScans, type UploadError, type UploadFields } from "./upload-request";

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

export type UploadView =
  | { kind: "idle"; notice?: string; focusInput?: boolean }
  // `mapping` keeps the panel (and what the user chose in it) on screen while its import runs.
  | { kind: "busy"; progress: ProgressState; mapping?: MappingState }
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

interface SendOptions {
  before?: ImportSummary[];
  mapping?: MappingState;
  /** sent after this request succeeds: the other files of a request stopped by an unmapped header */
  then?: { files: File[]; fields: UploadFields };
}

/** The upload flow's state: choose files, send them with the options, map an unknown header, show what was imported. */
export function useUpload(maxBytes: number) {
  const [view, setView] = useState<UploadView>({ kind: "idle" });
  const abort = useRef<(() => void) | null>(null);

  useEffect(() => () => abort.current?.(), []);

  async function send(files: File[], fields: UploadFields, { before = [], mapping, then }: SendOptions = {}): Promise<void> {
    const problem = checkFiles(files, maxBytes);
    if (problem) {
      setView({ kind: "error", error: problem, fileName: files.length === 1 ? files[0].name : "", files: [], imports: before });
      return;
    }
    const uploadTotal = files.reduce((sum, f) => sum + f.size, 0);
    const progress: ProgressState = { files, uploadTotal, uploaded: 0, server: null, importCount: expectedImports(files) };
    const update = (change: (p: ProgressState) => Partial<ProgressState>) =>
      setView((v) => (v.kind === "busy" ? { ...v, progress: { ...v.progress, ...change(v.progress) } } : v));
    setView({ kind: "busy", progress, mapping });

    let lastFile = "";
    const request = uploadScans(files, fields, {
      onUploadProgress: (loaded, total) => update(() => ({ uploaded: loaded, uploadTotal: total })),
      onUploaded: () => update((p) => ({ uploaded: p.uploadTotal })),
      onServerProgress: (server) => {
        lastFile = server.file;
        update(() => ({ server }));
      },
    });
    abort.current = request.abort;
    const outcome = await request.done;
    abort.current = null;

    if (outcome.kind === "aborted") {
      if (mapping) setView({ kind: "mapping", mapping });
      else if (before.length > 0) setView({ kind: "done", imports: before });
      else setView({ kind: "idle", notice: "Upload cancelled; nothing was imported." });
      return;
    }
    const imports = [...before, ...outcome.imports];
    if (outcome.kind === "result") {
      if (then && then.files.length > 0) return send(then.files, then.fields, { before: imports });
      setView({ kind: "done", imports });
      return;
    }
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
    cancel: () => abort.current?.(),
    reset: (focusInput = false) => setView({ kind: "idle", focusInput }),
  };
}
