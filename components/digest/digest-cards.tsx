import type { WeeklyDigest } from "@/lib/domain/digest";
import { formatNumber, plural } from "../ui/format";

const TONES = {
  good: "border-green-300 bg-green-50 dark:border-green-500/50 dark:bg-green-950/50",
  bad: "border-red-300 bg-red-50 dark:border-red-500/50 dark:bg-red-950/50",
  calm: "border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900",
} as const;

function DigestCard({ label, count, note, tone, href }: { label: string; count: number; note: string; tone: keyof typeof TONES; href: string }) {
  return (
    <a href={href} className={`flex h-full flex-col rounded-xl border p-4 shadow-sm print:shadow-none ${TONES[count > 0 ? tone : "calm"]}`}>
      <span className="text-sm font-medium text-gray-700 dark:text-gray-300">{label}</span>
      <span className="mt-2 text-3xl font-semibold text-gray-900 tabular-nums dark:text-gray-100" data-testid={`digest-${href.slice(1)}-count`}>
        {formatNumber(count)}
      </span>
      <span className="mt-1 text-xs text-gray-600 dark:text-gray-400">{note}</span>
    </a>
  );
}

/** The week at a glance: the four things an MSP asks about, each a link to its list below. */
export function DigestCards({ digest, anchorPrefix = "" }: { digest: WeeklyDigest; anchorPrefix?: string }) {
  const { patched, exposed, findings, hunts } = digest;
  const found = hunts.items.filter((h) => h.result === "found").length;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <DigestCard label="Newly patched" count={patched.total} tone="good" note="patched now, not at the start of the week" href={`#${anchorPrefix}patched`} />
      <DigestCard label="Newly exposed" count={exposed.total} tone="bad" note="open to attack now, not at the start of the week" href={`#${anchorPrefix}exposed`} />
      <DigestCard label="New findings" count={findings.total} tone="bad" note={findings.total ? `${plural(findings.findings, "finding")} first reported` : "nothing new reported"} href={`#${anchorPrefix}findings`} />
      <DigestCard label="Hunts done" count={hunts.total} tone={found > 0 ? "bad" : "good"} note={found > 0 ? `${plural(found, "hunt")} found something` : "checks run and hunts recorded"} href={`#${anchorPrefix}hunts`} />
    </div>
  );
}
