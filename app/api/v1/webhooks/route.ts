import { apiRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/json-body";
import { createWebhook, listWebhooks } from "@/lib/data/webhooks/webhooks";
import type { WebhookCreated, WebhooksAnswer } from "@/lib/zod/answers/admin";
import type { NewWebhookInput } from "@/lib/zod/webhooks";

export const dynamic = "force-dynamic";

// The webhooks (admins): GET lists them (never their secrets); POST makes one from
// {name, url, events, organizations?, payload?} and answers its signing secret, this once.
export const GET = apiRoute(null, async ({ access }) => ({ webhooks: await listWebhooks(access) }) satisfies WebhooksAnswer);

export const POST = apiRoute(null, async ({ req, access }) => {
  const created: WebhookCreated = await createWebhook(access, (await readJsonBody(req)) as NewWebhookInput);
  return Response.json(created, { status: 201 });
});
