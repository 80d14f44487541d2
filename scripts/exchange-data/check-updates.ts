// Consistency checks across the update builds: each build belongs to its release, no update predates its
// release, and within a release a later update never has a lower build. These catch a mistyped digit that
// every single-row check would let through.
import type { ReleaseRow, UpdateBuildRow, UpdateRow } from "../../lib/domain/exchange/data-types";
import { compareBuilds, parseBuild } from "../../lib/domain/exchange/build-number";
import type { Problems } from "./tsv";

export function checkUpdateBuilds(
  releases: readonly ReleaseRow[],
  builds: readonly UpdateBuildRow[],
  updates: readonly UpdateRow[],
  problems: Problems,
): void {
  const released = new Map(updates.map((u) => [u.name, u.released]));
  const seen = new Set<string>();
  for (const row of builds) {
    const label = `${row.product} ${row.release} ${row.update} (${row.source})`;
    if (seen.has(label)) problems.add(label, "is listed twice");
    seen.add(label);
    const release = releases.find((r) => r.product === row.product && r.name === row.release);
    const base = release && parseBuild(release.baseBuild);
    const b = parseBuild(row.build);
    if (!release || !base || !b) continue;
    if (b.major !== base.major || b.minor !== base.minor || b.build !== base.build || compareBuilds(b, base) < 0) {
      problems.add(label, `build ${row.build} is not a build of ${row.release} (${release.baseBuild})`);
    }
    const date = released.get(row.update);
    if (date && date < release.released) problems.add(label, `came out on ${date}, before ${row.release} (${release.released})`);
  }
  for (const release of releases) {
    const rows = builds
      .filter((b) => b.product === release.product && b.release === release.name)
      .map((row) => ({ row, date: released.get(row.update) ?? "", build: parseBuild(row.build) }));
    for (const a of rows) {
      for (const b of rows) {
        if (!a.build || !b.build || a.date >= b.date) continue;
        if (compareBuilds(a.build, b.build) > 0) {
          problems.add(
            `${release.product} ${release.name}`,
            `${a.row.update} (${a.row.build}, ${a.row.source}) came out before ${b.row.update} (${b.row.build}, ${b.row.source}) but has a higher build`,
          );
        }
      }
    }
  }
}
