// The Campaigns and Administration operations, and the API's own description.
import { campaignDefinitionSchema } from "../../domain/campaigns/definition";
import { MAX_LOGO_BYTES } from "../../domain/reports/logo";
import { campaignAdded, campaignsAnswer, logoRemoved, logoSet, webhookCreated, webhooksAnswer } from "../../zod/answers/admin";
import { apiDescription } from "../../zod/answers/api-description";
import { newWebhookSchema } from "../../zod/webhooks";
import type { OperationSpec } from "./operation";

export const ADMIN_ROUTES: OperationSpec[] = [
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
