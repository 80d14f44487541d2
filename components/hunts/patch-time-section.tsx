import Link from "next/link";
import type { PatchTimesView } from "@/lib/views";
import { PatchCurveChart } from "../charts/patch-curve-chart";
import { formatNumber, formatPercent, plural } from "../ui/format";
import { LINK } from "../ui/link-styles";
import { Section } from "../ui/section";

function Figure({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div className="rounded-xl border border-gray-200 bg-white p-4 shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <dt className="text-sm font-medium text-gray-700 dark:text-gray-300">{label}</dt>
      <dd className="mt-2 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      <dd className="mt-1 text-xs text-gray-600 dark:text-gray-400">{note}</dd>
    </div>
  );
}

const days = (n: number | null) => (n === null ? "–" : plural(n, "day"));

/** Time to patch for an organization or the fleet: median, 90th percentile, the target, and the curve. */
export function PatchTimeSection({ times, title, linkQuery }: { times: PatchTimesView; title: string; linkQuery: string }) {
  const target = times.targetDays !== null ? `the ${times.targetDays}-day target` : "each organization's target";
  const within = times.exposed > 0 ? (100 * times.withinTarget) / times.exposed : 0;
  return (
    <Section
      id="time-to-patch"
      title="Time to patch"
      description={
        times.since === "disclosure"
          ? `From the disclosure (or the server's first scan, if later) to the scan that showed it patched, for ${plural(times.exposed, "exposed server")}.`
          : `Every emergency's exposures together (${formatNumber(times.exposed)}: a server exposed to two counts twice), each from its disclosure (or the server's first scan, if later) to the scan that showed it patched.`
      }
    >
      {times.exposed === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">No server has been scanned since this campaign was disclosed.</p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-5">
          <div className="space-y-4 xl:col-span-2">
          <dl className="grid grid-cols-2 gap-3">
            <Figure label="Median" value={days(times.median)} note={`${formatNumber(times.patched)} patched, ${formatNumber(times.open)} still open`} testId="patch-median" />
            <Figure label="90th percentile" value={days(times.p90)} note="9 in 10 patched servers took this long or less" testId="patch-p90" />
            <Figure label="Within target" value={formatPercent(within)} note={`${formatNumber(times.withinTarget)} of ${formatNumber(times.exposed)} patched within ${target}`} testId="patch-within-target" />
            <Figure
              label="Past target"
              value={formatNumber(times.openPastTarget)}
              note={`still unpatched past ${target}${times.patchedLate ? `; ${formatNumber(times.patchedLate)} patched late` : ""}`}
              testId="patch-past-target"
            />
          </dl>
            {times.pastTarget.length ? (
              <div>
                <h3 className="mb-2 text-sm font-semibold">Open past the target, oldest first</h3>
                <ul className="space-y-1 text-sm">
                  {times.pastTarget.map((s) => (
                    <li key={s.id} className="flex justify-between gap-3">
                      <Link href={`/servers/${s.id}${linkQuery}`} className={LINK}>
                        {s.hostname}
                      </Link>
                      <span className="text-gray-600 tabular-nums dark:text-gray-400">
                        {s.campaign} · {s.organizationName} · {plural(s.days, "day")} (target {s.targetDays})
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
          <div className="xl:col-span-3">
            <PatchCurveChart id="patch-curve" points={times.curve} since={times.since} targetDays={times.targetDays} caption={`Share of ${title} servers patched, by day`} />
          </div>
        </div>
      )}
    </Section>
  );
}
