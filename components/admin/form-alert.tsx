import type { FormState } from "./form-state";

const SUCCESS = "rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-500/40 dark:bg-green-950/50 dark:text-green-200";
const ERROR = "rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-950/50 dark:text-red-200";

/**
 * The answer of a form's action. Both live regions are always in the page, so that screen readers
 * announce a message that appears in them; either can take focus after the action.
 */
export function FormAlert({
  state,
  errorRef,
  successRef,
  showSuccess = true,
}: {
  state: FormState;
  errorRef?: React.Ref<HTMLDivElement>;
  successRef?: React.Ref<HTMLDivElement>;
  /** false when the form shows its success some other way (the new token box) */
  showSuccess?: boolean;
}) {
  const success = showSuccess && state.status === "success" && state.message;
  const error = state.status === "error" && state.message;
  // Focusable only with a message: an empty region must not catch the focus (a dialog gives it to the first focusable element).
  return (
    <>
      <div role="status" ref={successRef} tabIndex={success ? -1 : undefined} className="focus:outline-none">
        {success ? <p className={`mb-4 ${SUCCESS}`}>{state.message}</p> : null}
      </div>
      <div role="alert" ref={errorRef} tabIndex={error ? -1 : undefined} className="focus:outline-none">
        {error ? <p className={`mb-4 ${ERROR}`}>{state.message}</p> : null}
      </div>
    </>
  );
}
