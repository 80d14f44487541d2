"use server";

import { formAction } from "@/app/_lib/form-action";
import type { FormState, WebhookFormState } from "@/components/admin/form-state";
import { updateAppSettings } from "@/lib/data/settings/app-settings";
import { createWebhook, deleteWebhook, sendTestEvent, setWebhookActive } from "@/lib/data/webhooks/webhooks";
import { AppError } from "@/lib/errors";
import { CHECK_FIELDS, text, texts } from "../_lib/form-result";

const PAGE = "/admin/webhooks";

/** The secret travels back to the browser this once, in the action's answer. */
export const createWebhookAction = formAction<WebhookFormState>(
  async (access, data) => {
    const name = text(data, "name");
    try {
      const created = await createWebhook(access, {
        name,
        url: text(data, "url"),
        events: texts(data, "events") as never,
        organizations: texts(data, "organizations"),
        payload: (text(data, "payload") || "json") as never,
      });
      return { status: "success", message: "Webhook created.", secret: created.secret, webhookName: name.trim() };
    } catch (err) {
      // A refused URL or an unknown organization is that field's problem, so it is shown there.
      if (err instanceof AppError && err.code === "invalid_url") return { status: "error", message: CHECK_FIELDS, fieldErrors: { url: [err.message] } };
      if (err instanceof AppError && err.code === "unknown_organization") return { status: "error", message: CHECK_FIELDS, fieldErrors: { organizations: [err.message] } };
      throw err;
    }
  },
  { revalidate: [PAGE] },
);

function webhookId(data: FormData): number | null {
  const id = Number(text(data, "webhookId"));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

const INVALID: FormState = { status: "error", message: "This webhook id is not valid." };

export const sendTestAction = formAction<FormState>(
  async (access, data) => {
    const id = webhookId(data);
    if (!id) return INVALID;
    await sendTestEvent(access, id);
    return { status: "success", message: "Test event queued: it appears in the delivery log, and is sent within seconds." };
  },
  { revalidate: [PAGE] },
);

export const setActiveAction = formAction<FormState>(
  async (access, data) => {
    const id = webhookId(data);
    if (!id) return INVALID;
    const active = text(data, "active") === "true";
    await setWebhookActive(access, id, active);
    return { status: "success", message: active ? "Webhook resumed: its waiting deliveries go out now." : "Webhook paused: nothing is sent to it until it is resumed." };
  },
  { revalidate: [PAGE] },
);

export const deleteWebhookAction = formAction<FormState>(
  async (access, data) => {
    const id = webhookId(data);
    if (!id) return INVALID;
    await deleteWebhook(access, id);
    return { status: "success", message: "Webhook deleted." };
  },
  { revalidate: [PAGE] },
);

export const privateTargetsAction = formAction<FormState>(
  async (access, data) => {
    const saved = await updateAppSettings(access, { allowPrivateWebhookTargets: data.get("allowPrivateWebhookTargets") === "on" });
    return { status: "success", message: saved.allowPrivateWebhookTargets ? "Saved: webhooks may point at private addresses." : "Saved: webhooks to private addresses are refused." };
  },
  { revalidate: [PAGE] },
);
