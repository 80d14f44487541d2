import { apiRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/json-body";
import { recordedHunts, recordHunt } from "@/lib/data/fleet/hunts";
import { requireServerId } from "@/lib/api/path-id";
import type { HuntRecorded, HuntsAnswer } from "@/lib/zod/answers/server";
import { huntInputSchema } from "@/lib/zod/hunts";

export const dynamic = "force-dynamic";

// The hunts recorded on a server by hand, latest first.
export const GET = apiRoute(null, async ({ access, params }) => ({ hunts: await recordedHunts(access, requireServerId(params.id)) }) satisfies HuntsAnswer);

// Records a hunt done with another tool: {fromDay, toDay, tool, result: "clean" | "found", note}. The server is
// re-derived before the answer, so its hunt state in /api/v1/servers already counts it.
export const POST = apiRoute(null, async ({ req, access, params }) => {
  const id = requireServerId(params.id);
  const input = huntInputSchema.parse(await readJsonBody(req));
  return Response.json({ hunt: await recordHunt(access, id, input) } satisfies HuntRecorded, { status: 201 });
});
