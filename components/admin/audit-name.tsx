import Link from "next/link";
import type { AuditName } from "./audit-types";

const MUTED = "text-xs text-gray-600 dark:text-gray-400";

/** Who did it or what it was done to: the name (a link while it exists), and what it is or belongs to below. */
export function AuditNameCell({ value }: { value: AuditName }) {
  return (
    <>
      <div className="break-words">
        {value.href ? (
          <Link href={value.href} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
            {value.name}
          </Link>
        ) : (
          <span className={value.deleted ? "text-gray-700 dark:text-gray-300" : undefined}>{value.name}</span>
        )}
        {value.deleted ? <span className={`${MUTED} ml-1`}>(deleted)</span> : null}
      </div>
      {value.note ? <div className={`${MUTED} break-words`}>{value.note}</div> : null}
    </>
  );
}
