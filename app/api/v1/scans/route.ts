import { apiRoute } from "@/lib/api/handler";
import { importResponse } from "@/lib/api/import-response";
import { readScanUpload } from "@/lib/api/scan-body";
import { maxUploadBytes } from "@/lib/config";
import { importScans } from "@/lib/data/imports/imports";
import { parseUploadOptions } from "@/lib/zod/upload-options";

export const dynamic = "force-dynamic";

export const POST = apiRoute(null, async ({ req, query, access }) => {
  const maxBytes = maxUploadBytes();
  const search = query as Record<string, string>;
  parseUploadOptions(search, {}); // bad query parameters fail before the body is read
  const upload = await readScanUpload(req, maxBytes);
  const options = parseUploadOptions(search, upload.fields);
  return importResponse(await importScans({ files: upload.files, options, access, origin: "api", tokenId: access.actor.type === "token" ? access.actor.id : null, maxBytes }));
});
