/** What a server action of the account forms answers: field errors to show, or a message. */
export interface AccountFormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

export const initialAccountFormState: AccountFormState = { status: "idle" };
