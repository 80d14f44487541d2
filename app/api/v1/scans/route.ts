import { apiRoute } from "@/lib/api/handler";
import { readScanBody } from "@/lib/api/scan-body";
import { maxUploadBytes } from "@/lib/config";
import { importScanFile } from "@/lib/data/imports";

export const dynamic = "force-dynamic";

export const POST = apiRoute(null, async ({ req, token }) => {
  const maxBytes = maxUploadBytes();
  const body = await readScanBody(req, maxBytes);
  const summary = await importScanFile({ body: body.stream, fileName: body.fileName, origin: "api", tokenId: token.id, maxBytes });
  return Response.json({ import: summary }, { status: summary.duplicate ? 200 : 201 });
});
