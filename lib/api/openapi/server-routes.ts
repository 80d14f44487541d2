// The Servers operations: the table, one server, its hunts and lifecycle marks.
import { serverPage } from "../../zod/answers/fleet";
import { huntRecorded, huntsAnswer, lifecycleAnswer, lifecycleMarked, serverAnswer } from "../../zod/answers/server";
import { serverExportQuery } from "../../zod/exports";
import { huntInputSchema } from "../../zod/hunts";
import { lifecycleInputSchema } from "../../zod/lifecycle";
import { serverId, CAMPAIGN_404, ORGANIZATION_404, SERVER_404, exportAnswer, EXPORT_TOO_LARGE } from "./route-parts";
import type { OperationSpec } from "./operation";

export const SERVER_ROUTES: OperationSpec[] = [
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
];
