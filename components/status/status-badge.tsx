import { STATUS_LABELS, type Status } from "@/lib/domain/statuses";
import { STATUS_BADGE_CLASSES, STATUS_DOT_CLASSES } from "./status-styles";

export function StatusBadge({ status, size = "sm" }: { status: Status; size?: "sm" | "md" }) {
  const sizing = size === "md" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs";
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full font-medium whitespace-nowrap ring-1 ring-inset ${sizing} ${STATUS_BADGE_CLASSES[status]}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${STATUS_DOT_CLASSES[status]}`} />
      {STATUS_LABELS[status]}
    </span>
  );
}
