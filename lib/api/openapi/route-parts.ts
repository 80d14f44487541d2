// What several operations of the API description share: path parameters, 404 texts and download answers.
import { z } from "zod";
import { XLSX_TYPE } from "../../export/xlsx";
import type { AnswerSpec, ParamSpec } from "./operation";

export const slug: ParamSpec = { description: "the organization's slug", schema: z.string() };
export const serverId: ParamSpec = { description: "the server's id; anything but digits is a 404 like a missing server", schema: z.int().min(1) };

export const CAMPAIGN_404 = "`unknown_campaign`: no campaign with that id (the message names the known ones).";
export const ORGANIZATION_404 = "`not_found`: no organization with that slug among the caller's (another tenant's is answered the same).";
export const SERVER_404 = "`not_found`: no server with that id among the caller's organizations.";

export const download = (what: string): AnswerSpec["headers"] => ({
  "Content-Disposition": { description: `attachment, with the file's name (${what})`, schema: z.string() },
});
export const exportAnswer = (json: z.ZodType, noun: string, file: string): AnswerSpec => ({
  description: `A page of ${noun} (JSON, the default), or with format=csv or xlsx (or Accept: text/csv) every matching row as a download, streamed.`,
  json,
  files: ["text/csv", XLSX_TYPE],
  headers: { ...download(file), "X-Export-Rows": { description: "downloads: how many rows the file holds", schema: z.int().min(0) } },
});
export const pdfAnswer = (file: string): AnswerSpec => ({ description: "The report as a PDF download (text, not images: searchable).", files: ["application/pdf"], headers: download(file) });
export const EXPORT_TOO_LARGE = "`export_too_large`: a download would hold more rows than an export may (PATCHBOARD_EXPORT_MAX_ROWS, default 250,000); details gives total and maxRows.";
