import { apiRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/json-body";
import { markServer, serverLifecycle } from "@/lib/data/fleet/lifecycle";
import { requireServerId } from "@/lib/api/path-id";
import type { LifecycleAnswer, LifecycleMarked } from "@/lib/zod/answers/server";
import { lifecycleInputSchema } from "@/lib/zod/lifecycle";

export const dynamic = "force-dynamic";

// Whether the server is marked disconnected or decommissioned, and its marks, latest first.
export const GET = apiRoute(null, async ({ access, params }) => (await serverLifecycle(access, requireServerId(params.id))) satisfies LifecycleAnswer);

// {action: "disconnect" | "reconnect" | "decommission" | "recommission", note}: recorded now, audited, and the server
// re-derived before the answer. 409 invalid_state when it cannot be done (reconnecting a server not disconnected).
export const POST = apiRoute(null, async ({ req, access, params }) => {
  const id = requireServerId(params.id);
  const input = lifecycleInputSchema.parse(await readJsonBody(req));
  return Response.json({ mark: await markServer(access, id, input) } satisfies LifecycleMarked, { status: 201 });
});
