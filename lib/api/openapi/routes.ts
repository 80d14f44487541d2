// Every route under app/api/v1, as the API description tells it: one record per operation, with the zod schemas the
// route validates with and answers in. The contract test calls each of them and holds the answers to it, and
// checks that every route file is here.
import { z } from "zod";
import { campaignDefinitionSchema } from "../../domain/campaigns/definition";
import { MAX_LOGO_BYTES } from "../../domain/reports/logo";
import { XLSX_TYPE } from "../../export/xlsx";
import { columnMappingSchema } from "../../import/mapped-csv";
import { campaignAdded, campaignsAnswer, logoRemoved, logoSet, webhookCreated, webhooksAnswer } from "../../zod/answers/admin";
import { apiDescription } from "../../zod/answers/api-description";
import { weeklyDigest } from "../../zod/answers/digest";
import { fleetSummary, organizationPage, patchTimes, serverPage, trendAnswer } from "../../zod/answers/fleet";
import { dryRunAnswer, importAnswer, importDetailAnswer, importJobAnswer, importJobPage, importPage, mappingAnswer, mappingsAnswer, uploadProgressLine } from "../../zod/answers/imports";
import { huntRecorded, huntsAnswer, lifecycleAnswer, lifecycleMarked, serverAnswer } from "../../zod/answers/server";
import { organizationExportQuery, serverExportQuery } from "../../zod/exports";
import { huntInputSchema } from "../../zod/hunts";
import { importJobsQuery, importListQuery, importServersQuery } from "../../zod/imports";
import { lifecycleInputSchema } from "../../zod/lifecycle";
import { digestQuery, reportQuery, summaryQuery, trendQuery } from "../../zod/list-queries";
import { scanUploadFields, scanUploadQuery } from "../../zod/upload-options";
import { newWebhookSchema } from "../../zod/webhooks";
import type { AnswerSpec, OperationSpec, ParamSpec, TagSpec } from "./operation";

export const API_TAGS: TagSpec[] = [
  { name: "Fleet", description: "Counts by status, the trend, time to patch and the fleet report, across the organizations the caller sees." },
  { name: "Organizations", description: "The organizations table, and one organization's weekly digest and client report." },
  { name: "Servers", description: "The servers table, one server's verdicts, the hunts recorded on it and its lifecycle marks." },
  { name: "Imports", description: "Uploading scan files, the imports they made, and saved column mappings for CSV files." },
  { name: "Campaigns", description: "The Exchange emergencies every server is judged against." },
  { name: "Administration", description: "Webhooks and the MSP's branding on client reports." },
  { name: "This description", description: "The API's own description, as OpenAPI 3.1." },
];

const slug: ParamSpec = { description: "the organization's slug", schema: z.string() };
const serverId: ParamSpec = { description: "the server's id; anything but digits is a 404 like a missing server", schema: z.int().min(1) };

const CAMPAIGN_404 = "`unknown_campaign`: no campaign with that id (the message names the known ones).";
const ORGANIZATION_404 = "`not_found`: no organization with that slug among the caller's (another tenant's is answered the same).";
const SERVER_404 = "`not_found`: no server with that id among the caller's organizations.";

const download = (what: string): AnswerSpec["headers"] => ({
  "Content-Disposition": { description: `attachment, with the file's name (${what})`, schema: z.string() },
});
const exportAnswer = (json: z.ZodType, noun: string, file: string): AnswerSpec => ({
  description: `A page of ${noun} (JSON, the default), or with format=csv or xlsx (or Accept: text/csv) every matching row as a download, streamed.`,
  json,
  files: ["text/csv", XLSX_TYPE],
  headers: { ...download(file), "X-Export-Rows": { description: "downloads: how many rows the file holds", schema: z.int().min(0) } },
});
const pdfAnswer = (file: string): AnswerSpec => ({ description: "The report as a PDF download (text, not images: searchable).", files: ["application/pdf"], headers: download(file) });
const EXPORT_TOO_LARGE = "`export_too_large`: a download would hold more rows than an export may (PATCHBOARD_EXPORT_MAX_ROWS, default 250,000); details gives total and maxRows.";

export const API_OPERATIONS: OperationSpec[] = [
  {
    id: "getSummary",
    method: "get",
    path: "/summary",
    tag: "Fleet",
    summary: "Counts by status",
    description: "Servers by status across the caller's fleet, or one organization's, for a campaign (default: the roll-up of every campaign), with the newest scan behind them and how many servers need a hunt.",
    audience: "anyone",
    query: summaryQuery,
    answers: { 200: { description: "The counts.", json: fleetSummary } },
    errors: { 404: `${CAMPAIGN_404} ${ORGANIZATION_404}` },
  },
  {
    id: "getTrend",
    method: "get",
    path: "/trend",
    tag: "Fleet",
    summary: "Counts by status per day",
    description: "Servers by status at the end of each UTC day, for the fleet or one organization and a campaign. Without `to`, the series ends on the day of the latest scan.",
    audience: "anyone",
    query: trendQuery,
    answers: { 200: { description: "One entry per day, oldest first; none before the first scan.", json: trendAnswer } },
    errors: { 400: "`invalid_date`: from or to is not a real day; `invalid_range`: from is after to; `range_too_long`: more days than a trend covers.", 404: `${CAMPAIGN_404} ${ORGANIZATION_404}` },
  },
  {
    id: "getPatchTimes",
    method: "get",
    path: "/patch-times",
    tag: "Fleet",
    summary: "Time to patch",
    description:
      "How fast exposures to a campaign were patched, for the fleet or one organization: the median and 90th percentile (nearest rank), the share patched within the organization's patch target, the exposures still open past it, and the share patched by each day. For the roll-up, every campaign's exposures are pooled.",
    audience: "anyone",
    query: summaryQuery,
    answers: { 200: { description: "The figures.", json: patchTimes } },
    errors: { 404: `${CAMPAIGN_404} ${ORGANIZATION_404}` },
  },
  {
    id: "getFleetReport",
    method: "get",
    path: "/report.pdf",
    tag: "Fleet",
    summary: "Fleet report (PDF)",
    description: "The client report for every organization, a section per client, worst first: for the MSP's own people.",
    audience: "everyOrganization",
    query: reportQuery,
    answers: { 200: pdfAnswer("patchboard-report-fleet-CAMPAIGN-DAY.pdf") },
    errors: { 404: CAMPAIGN_404 },
  },
  {
    id: "listOrganizations",
    method: "get",
    path: "/organizations",
    tag: "Organizations",
    summary: "The organizations table",
    description: "The organizations the caller sees with their servers' counts for a campaign, filtered, sorted (worst first by default) and paged; or all of them as a CSV or XLSX download.",
    audience: "anyone",
    query: organizationExportQuery,
    answers: { 200: exportAnswer(organizationPage, "organizations", "patchboard-organizations-CAMPAIGN-DAY.csv") },
    errors: { 404: CAMPAIGN_404, 422: EXPORT_TOO_LARGE },
  },
  {
    id: "getWeeklyDigest",
    method: "get",
    path: "/organizations/{slug}/digest",
    tag: "Organizations",
    summary: "Weekly digest",
    description: "What changed for one organization in the seven days ending on `until`: servers newly patched and newly exposed, other changes, findings first reported, compromise checks and hunts done, and the counts before and after.",
    audience: "anyone",
    params: { slug },
    query: digestQuery,
    answers: { 200: { description: "The week's digest.", json: weeklyDigest } },
    errors: { 404: `${ORGANIZATION_404} ${CAMPAIGN_404}` },
  },
  {
    id: "getClientReport",
    method: "get",
    path: "/organizations/{slug}/report.pdf",
    tag: "Organizations",
    summary: "Client report (PDF)",
    description: "One organization's report for a campaign: the summary and trend, time to patch, what remains to do, every server worst first with its verdict, and the remediations.",
    audience: "anyone",
    params: { slug },
    query: reportQuery,
    answers: { 200: pdfAnswer("patchboard-report-SLUG-CAMPAIGN-DAY.pdf") },
    errors: { 404: `${ORGANIZATION_404} ${CAMPAIGN_404}` },
  },
  {
    id: "listServers",
    method: "get",
    path: "/servers",
    tag: "Servers",
    summary: "The servers table",
    description:
      "The servers the caller sees, each with its status for a campaign, how fresh its data is, its hunt state and its exposure: filtered, sorted (worst first by default) and paged; or all of them as a CSV or XLSX download.",
    audience: "anyone",
    query: serverExportQuery,
    answers: { 200: exportAnswer(serverPage, "servers", "patchboard-servers-[SLUG-]CAMPAIGN-DAY.csv") },
    errors: { 404: `${CAMPAIGN_404} ${ORGANIZATION_404}`, 422: EXPORT_TOO_LARGE },
  },
  {
    id: "getServer",
    method: "get",
    path: "/servers/{id}",
    tag: "Servers",
    summary: "One server",
    description: "A server's roll-up verdict, every campaign's verdict with its reason and what to install, the tools' own verdicts, its patch level and open CVEs, and its latest compromise check.",
    audience: "anyone",
    params: { id: serverId },
    answers: { 200: { description: "The server.", json: serverAnswer } },
    errors: { 404: SERVER_404 },
  },
  {
    id: "listHunts",
    method: "get",
    path: "/servers/{id}/hunts",
    tag: "Servers",
    summary: "Hunts recorded on a server",
    description: "The hunts for compromise recorded on the server by hand (done with another tool), latest first.",
    audience: "anyone",
    params: { id: serverId },
    answers: { 200: { description: "The recorded hunts.", json: huntsAnswer } },
    errors: { 404: SERVER_404 },
  },
  {
    id: "recordHunt",
    method: "post",
    path: "/servers/{id}/hunts",
    tag: "Servers",
    summary: "Record a hunt",
    description:
      "Records a hunt done with another tool over a range of days. It counts like a clean compromise check for the days it covers; one that found something opens a compromise. The server is re-derived before the answer. Audited.",
    audience: "writers",
    params: { id: serverId },
    body: { description: "The hunt.", json: huntInputSchema },
    answers: { 201: { description: "The hunt as recorded.", json: huntRecorded } },
    errors: { 400: "`invalid_request`: a field of the body is not valid (details lists each).", 404: SERVER_404 },
  },
  {
    id: "getLifecycle",
    method: "get",
    path: "/servers/{id}/lifecycle",
    tag: "Servers",
    summary: "A server's lifecycle",
    description: "Whether the server is marked disconnected or decommissioned, and its marks, latest first.",
    audience: "anyone",
    params: { id: serverId },
    answers: { 200: { description: "What is in force, and the marks.", json: lifecycleAnswer } },
    errors: { 404: SERVER_404 },
  },
  {
    id: "markServer",
    method: "post",
    path: "/servers/{id}/lifecycle",
    tag: "Servers",
    summary: "Mark a server disconnected or decommissioned",
    description:
      "Disconnected (taken off the internet) counts as mitigated for every campaign until it is reconnected or a scan shows it patched; decommissioned takes it out of the counts, tables and charts from today. Both are reversible and audited; the server is re-derived before the answer.",
    audience: "writers",
    params: { id: serverId },
    body: { description: "What to record.", json: lifecycleInputSchema },
    answers: { 201: { description: "The mark as recorded.", json: lifecycleMarked } },
    errors: {
      400: "`invalid_request`: a field of the body is not valid (details lists each).",
      404: SERVER_404,
      409: "`invalid_state`: the mark cannot be made now (reconnecting a server that is not disconnected).",
    },
  },
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
  {
    id: "listCampaigns",
    method: "get",
    path: "/campaigns",
    tag: "Campaigns",
    summary: "The campaigns",
    description: "Every campaign, oldest emergency first, and the id of the roll-up that is the default of every read route.",
    audience: "anyone",
    answers: { 200: { description: "The campaigns.", json: campaignsAnswer } },
  },
  {
    id: "addCampaign",
    method: "post",
    path: "/campaigns",
    tag: "Campaigns",
    summary: "Add a campaign",
    description: "Adds a campaign from the same JSON as the files in lib/domain/campaigns/data, and judges every server against it before the answer. Audited.",
    audience: "admins",
    body: { description: "The campaign.", json: campaignDefinitionSchema },
    answers: { 201: { description: "The campaign, and how many servers were judged.", json: campaignAdded } },
    errors: { 409: "`campaign_exists`: a campaign with that id exists already.", 422: "`invalid_campaign`: the campaign is not valid (details.problems names each field and what is wrong with it)." },
  },
  {
    id: "listWebhooks",
    method: "get",
    path: "/webhooks",
    tag: "Administration",
    summary: "The webhooks",
    description: "Every webhook, without its signing secret, with its deliveries waiting and failed.",
    audience: "admins",
    answers: { 200: { description: "The webhooks.", json: webhooksAnswer } },
  },
  {
    id: "createWebhook",
    method: "post",
    path: "/webhooks",
    tag: "Administration",
    summary: "Add a webhook",
    description: "Makes a webhook for some events (and organizations) and answers its signing secret, this once. The URL is checked against the addresses its host resolves to. Audited.",
    audience: "admins",
    body: { description: "The webhook.", json: newWebhookSchema },
    answers: { 201: { description: "Its id and signing secret.", json: webhookCreated } },
    errors: {
      400: "`invalid_request`: a field of the body is not valid (details lists each).",
      409: "`too_many_webhooks`: there are as many webhooks as there may be.",
      422: "`invalid_url`: the URL cannot receive webhooks (details.problems); `unknown_organization`: no organization with a slug given.",
    },
  },
  {
    id: "setLogo",
    method: "put",
    path: "/branding/logo",
    tag: "Administration",
    summary: "Set the logo on client reports",
    description: `The MSP's logo, the file's bytes as the body: a PNG or JPEG (told by its bytes, whatever the declared type) of at most ${MAX_LOGO_BYTES / 1024} KB. Audited.`,
    audience: "admins",
    body: { description: "The image file.", files: ["image/png", "image/jpeg"] },
    answers: { 200: { description: "The logo's type and size.", json: logoSet } },
    errors: { 413: "`payload_too_large`, `logo_too_large`: the file is over the limit.", 422: "`logo_empty`: no bytes; `logo_type`: not a PNG or JPEG." },
  },
  {
    id: "removeLogo",
    method: "delete",
    path: "/branding/logo",
    tag: "Administration",
    summary: "Remove the logo",
    description: "Client reports go without a logo. Audited.",
    audience: "admins",
    answers: { 200: { description: "No logo.", json: logoRemoved } },
  },
  {
    id: "getApiDescription",
    method: "get",
    path: "/openapi.json",
    tag: "This description",
    summary: "This description, as OpenAPI 3.1",
    description: "The document this reference is drawn from, made from the same zod schemas that check requests and describe answers. It describes the API and holds no data, so it needs no token.",
    audience: "public",
    answers: { 200: { description: "The OpenAPI document.", json: apiDescription } },
  },
];
