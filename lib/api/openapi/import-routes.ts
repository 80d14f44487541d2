// The Imports operations: uploads, the imports they made, the background jobs and the column mappings.
import { z } from "zod";
import { columnMappingSchema } from "../../import/mapped-csv";
import { dryRunAnswer, importAnswer, importDetailAnswer, importJobAnswer, importJobPage, importPage, mappingAnswer, mappingsAnswer, uploadProgressLine } from "../../zod/answers/imports";
import { importJobsQuery, importListQuery, importServersQuery } from "../../zod/imports";
import { scanUploadFields, scanUploadQuery } from "../../zod/upload-options";
import type { OperationSpec } from "./operation";

export const IMPORT_ROUTES: OperationSpec[] = [
  {
    id: "uploadScans",
    method: "post",
    path: "/scans",
    tag: "Imports",
    summary: "Upload scan files",
    description:
      "The one upload endpoint, for scripts and the upload page. Each file is one import, all or nothing (consecutive Test-ProxyLogon files are one run); the first file that fails stops the upload, and the error's details.imports lists the imports committed before it. The options are query parameters, or form fields before the files. With dryRun=1 the files are read and checked the same way and nothing is written. With Accept: application/x-ndjson the answer is a line of progress per step, then one result or error line carrying the status. With Prefer: respond-async the files are spooled to disk and the answer is 202 at once: the import job, at its Location (GET /imports/ID: its state, progress and, once finished, the answer this route would have given); a dry run ignores the preference.",
    audience: "writers",
    query: scanUploadQuery,
    body: {
      description: "One file as the body (its format told from the content), or one or more multipart fields named file, after the text fields.",
      files: ["text/csv", "application/json", "application/xml", "application/zip", "application/octet-stream"],
      form: { fields: scanUploadFields, file: "file" },
    },
    answers: {
      201: { description: "The upload was imported.", json: importAnswer },
      202: {
        description: "With Prefer: respond-async: the files are spooled and will be imported in the background.",
        json: importJobAnswer,
        headers: {
          Location: { description: "the import job: /api/v1/imports/ID", schema: z.string() },
          "Preference-Applied": { description: "respond-async", schema: z.string() },
        },
      },
      200: {
        description: "Every file had been imported before into the same organizations (each summary says duplicate: true; nothing changed); or a dry run; or, with Accept: application/x-ndjson, the progress lines.",
        json: z.union([importAnswer, dryRunAnswer]),
        ndjson: uploadProgressLine,
      },
    },
    errors: {
      400: "`empty_body`, `missing_file`, `malformed_multipart`, `empty_file`: no file to read.",
      403: "`organization_forbidden`: a file names an organization the caller may not upload for (nothing of it was imported).",
      413: "`payload_too_large`: the upload is over PATCHBOARD_MAX_UPLOAD_MB (default 512 MB), told by Content-Length at once or while streaming.",
      415: "`unsupported_media_type`: the body is neither a file type nor multipart/form-data.",
      507: "`spool_full`: with Prefer: respond-async, the spool holds as much as PATCHBOARD_SPOOL_MAX_MB allows (default 4096 MB) of uploads still to import; nothing was kept.",
      422: "`unmapped_header`: a CSV whose header Patchboard does not know (details: header, preview, the mappings that fit); `unknown_mapping`; `mapping_required`; `unrecognized_format`, `wrong_format`, `malformed_csv`, `malformed_json`, `malformed_xml`, `malformed_zip`, `no_header` and the file's other problems.",
    },
  },
  {
    id: "listImports",
    method: "get",
    path: "/imports",
    tag: "Imports",
    summary: "Recent imports",
    description: "The imports the caller may see, newest first: who, when, which file, what it did.",
    audience: "anyone",
    query: importListQuery,
    answers: { 200: { description: "A page of imports.", json: importPage } },
  },
  {
    id: "getImport",
    method: "get",
    path: "/imports/{id}",
    tag: "Imports",
    summary: "One import, or an import job",
    description:
      "An import's stored summary, and a page of the servers it touched with their status before and after it: new compromises first, then worsened, improved, unchanged. For an import job's id (a UUID, the Location of a 202 from POST /scans with Prefer: respond-async): the job's state (queued, running, done, failed), its progress (bytes, rows, phase) and, once finished, the status and body the upload would have answered without the preference. Poll it until the state is done or failed.",
    audience: "anyone",
    params: { id: { description: "the import's id, or an import job's (a UUID)", schema: z.union([z.int().min(1).max(2_147_483_647), z.uuid()]) } },
    query: importServersQuery,
    answers: { 200: { description: "The import and a page of its servers; or the import job.", json: z.union([importDetailAnswer, importJobAnswer]) } },
    errors: { 404: "`not_found`: no such import or job among those the caller may see." },
  },
  {
    id: "listImportJobs",
    method: "get",
    path: "/imports/jobs",
    tag: "Imports",
    summary: "Import jobs",
    description: "The uploads imported in the background (Prefer: respond-async) the caller may see, newest first, a page at a time: pass the answer's next as after. Callers limited to organizations see their own jobs.",
    audience: "anyone",
    query: importJobsQuery,
    answers: { 200: { description: "A page of import jobs.", json: importJobPage } },
  },
  {
    id: "listMappings",
    method: "get",
    path: "/mappings",
    tag: "Imports",
    summary: "Saved column mappings",
    description: "The column mappings the caller may use: shared ones, and those fixed to one of their organizations.",
    audience: "writers",
    answers: { 200: { description: "The mappings, by name.", json: mappingsAnswer } },
  },
  {
    id: "createMapping",
    method: "post",
    path: "/mappings",
    tag: "Imports",
    summary: "Save a column mapping",
    description:
      "Saves how to read a CSV whose header Patchboard does not know: Patchboard's column → the file's header, and values for the whole file. One with a fixed organization belongs to it; one without is shared with every uploader. Names are unique across tenants. Audited.",
    audience: "writers",
    body: { description: "The mapping.", json: columnMappingSchema },
    answers: { 201: { description: "The mapping as saved.", json: mappingAnswer } },
    errors: {
      400: "`invalid_request`: a field of the body is not valid (details lists each).",
      403: "`organization_forbidden`: the fixed organization is not one the caller may upload for; `mapping_needs_organization`: a caller limited to some organizations must fix one.",
      409: "`mapping_exists`: the name is taken.",
    },
  },
  {
    id: "getMapping",
    method: "get",
    path: "/mappings/{name}",
    tag: "Imports",
    summary: "One column mapping",
    description: "A saved mapping the caller may use.",
    audience: "writers",
    params: { name: { description: "the mapping's name", schema: z.string() } },
    answers: { 200: { description: "The mapping.", json: mappingAnswer } },
    errors: { 404: "`not_found`: no mapping of that name that the caller may use." },
  },
  {
    id: "deleteMapping",
    method: "delete",
    path: "/mappings/{name}",
    tag: "Imports",
    summary: "Delete a column mapping",
    description: "Deletes a saved mapping. Audited.",
    audience: "writers",
    params: { name: { description: "the mapping's name", schema: z.string() } },
    answers: { 204: { description: "Deleted." } },
    errors: { 403: "`forbidden`: a shared mapping, and the caller may not upload for every organization.", 404: "`not_found`: no mapping of that name that the caller may use." },
  },
];
