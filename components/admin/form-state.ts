/** What the admin pages' server actions answer: plain data for useActionState. */
export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  /** per field name, from the shared zod schemas */
  fieldErrors?: Record<string, string[] | undefined>;
}

/** The token-creating action also answers the token, the only time it is ever shown. */
export interface TokenFormState extends FormState {
  token?: string;
  tokenName?: string;
}

export const IDLE: FormState = { status: "idle" };

/** Adding a campaign also answers each problem with the field it is in. */
export interface CampaignFormState extends FormState {
  problems?: { field: string; message: string }[];
}

/** Creating a webhook also answers its signing secret, the only time it is ever shown. */
export interface WebhookFormState extends FormState {
  secret?: string;
  webhookName?: string;
}
