import { plural } from "../ui/format";
import { describeError } from "./error-text";
import { ErrorDetails } from "./error-details";
import { SECONDARY_BUTTON } from "./field-styles";
import type { UploadError } from "./upload-request";

/**
 * A failed import in words, with what was and was not imported. "Import again" re-sends the
 * files not imported yet with the options as they are now (after entering an organization,
 * say), so nobody has to find the files again.
 */
export function UploadErrorPanel({
  error,
  fileName,
  pending,
  committed,
  onRetry,
}: {
  error: UploadError;
  fileName: string;
  pending: File[];
  committed: number;
  onRetry: () => void;
}) {
  const { title, hint } = describeError(error, fileName);
  const others = pending.filter((f) => f.name !== fileName);
  // The file's name is already in the title; other details (row problems, limits) are listed.
  const { fileName: _, ...details } = error.details && typeof error.details === "object" && !Array.isArray(error.details) ? (error.details as Record<string, unknown>) : {};
  const shownDetails = Array.isArray(error.details) ? error.details : Object.keys(details).length > 0 ? details : undefined;
  return (
    <div className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-500/50 dark:bg-red-950/50 dark:text-red-100">
      <p className="font-semibold break-words">{title}</p>
      <p className="mt-1 text-sm break-words">{error.message}</p>
      {hint ? <p className="mt-1 text-sm">{hint}</p> : null}
      <ErrorDetails details={shownDetails} />
      <p className="mt-2 text-xs opacity-80">
        {pending.length > 0 ? "Nothing from this file was imported." : ""}
        {committed > 0 ? ` ${plural(committed, "import")} before it ${committed === 1 ? "was" : "were"} saved: see below.` : ""}
        {others.length > 0 ? ` Not imported yet: ${others.map((f) => f.name).join(", ")}.` : ""}
      </p>
      {pending.length > 0 ? (
        <button type="button" onClick={onRetry} className={`mt-3 ${SECONDARY_BUTTON}`}>
          Import again
        </button>
      ) : null}
    </div>
  );
}
