import { STATUS_LABELS, type Status } from "@/lib/domain/statuses";

/** "compromised or unpatched server" for a page's description; "" for no statuses (any). */
export function statusWords(statuses: readonly Status[] | undefined): string {
  if (!statuses?.length) return "";
  const words = statuses.map((s) => STATUS_LABELS[s].toLowerCase());
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
