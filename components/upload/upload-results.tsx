import Link from "next/link";
import type { ImportSummary } from "@/lib/views";
import { EmptyState } from "../ui/empty-state";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./field-styles";
import { UploadSummary } from "./upload-summary";

/** The summaries of a request's imports; with `onAgain`, the links onward (they are left out while an error is shown). */
export function UploadResults({ imports, onAgain }: { imports: ImportSummary[]; onAgain?: () => void }) {
  return (
    <div className="space-y-4">
      {imports.length === 0 && onAgain ? (
        <EmptyState title="Nothing was imported">The files held no servers to import.</EmptyState>
      ) : (
        imports.map((summary, i) => <UploadSummary key={`${summary.id}-${i}`} summary={summary} index={i} count={imports.length} />)
      )}
      {onAgain ? (
        <div className="flex flex-wrap gap-3">
          <Link href="/" className={PRIMARY_BUTTON}>
            View the overview
          </Link>
          <button type="button" onClick={onAgain} className={SECONDARY_BUTTON}>
            Upload another file
          </button>
          <Link href="/imports" className={SECONDARY_BUTTON}>
            Recent imports
          </Link>
        </div>
      ) : null}
    </div>
  );
}
