/** What the "Mark remediated" server action answers (plain data for useActionState). */
export interface RemediationFormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: { note?: string[] };
  /** the note as sent, so the form keeps it after a failed submit */
  note?: string;
}

export const initialRemediationState: RemediationFormState = { status: "idle" };
