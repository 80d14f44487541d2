// The demo fleet: about 40 small organizations and their Exchange servers from ProxyLogon (March 2021) through
// ProxyShell (August 2021) to ProxyNotShell (autumn 2022), scanned until the end of January 2023. Pure and seeded,
// so the demo, its screenshots and its tests see the same data on every run. The story is in story.ts.
import type { CanonicalRow } from "../../lib/import/canonical-row";
import { buildAt } from "./builds";
import { planFleet } from "./plan-fleet";
import type { PlannedServer } from "./planned-server";
import { FIRST_DAY } from "./story";
import { DAY } from "./time";

export { DEMO_NOW, DEMO_ORGANIZATION_COUNT } from "./story";

const DEFAULT_SEED = 20210302;

/** A row of the demo fleet: a canonical row whose mitigation may also be ProxyNotShell's URL Rewrite rule. */
export type DemoFleetRow = Omit<CanonicalRow, "mitigation"> & { mitigation: "eomt" | "eomtv2" | null };

function rowsOf(server: PlannedServer): DemoFleetRow[] {
  return server.scanTimes.map((t) => {
    const day = Math.floor((t - FIRST_DAY) / DAY);
    let build = buildAt(server, t);
    if (server.threePart) build = build.split(".").slice(0, 3).join(".");
    const open = server.incidents.filter((i) => t >= i.from && (i.remediatedAt === null || t < i.remediatedAt));
    const eomtv2 = server.eomtv2At !== null && t >= server.eomtv2At;
    return {
      organization: server.organization,
      hostname: server.hostname,
      ipAddress: server.ipAddress,
      build,
      scannedAt: new Date(t),
      indicators: open.flatMap((i) => i.indicators),
      mitigation: eomtv2 ? "eomtv2" : server.eomtDay !== null && day >= server.eomtDay ? "eomt" : null,
    };
  });
}

/** Every scan of the demo fleet, oldest first, as one scan export would list them. */
export function* demoFleetRows(options: { seed?: number } = {}): Generator<DemoFleetRow> {
  const rows = planFleet(options.seed ?? DEFAULT_SEED).flatMap(rowsOf);
  // Code-unit order for ties, not localeCompare: the output must not depend on the machine's locale.
  const key = (r: DemoFleetRow) => `${r.organization}\u0000${r.hostname}`;
  rows.sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime() || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  yield* rows;
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The demo fleet as a canonical CSV file (RFC 4180 quoting, LF line endings). */
export function demoFleetCsv(options: { seed?: number } = {}): string {
  const lines = ["organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation"];
  for (const r of demoFleetRows(options)) {
    const scannedAt = r.scannedAt.toISOString().replace(".000Z", "Z");
    const fields = [r.organization, r.hostname, r.ipAddress ?? "", r.build, scannedAt, r.indicators.join(";"), r.mitigation ?? ""];
    lines.push(fields.map(csvField).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Remediations recorded for the default seed's fleet, oldest first: compromises cleaned up in 2021. */
export const DEMO_REMEDIATIONS: Array<{ organization: string; hostname: string; remediatedAt: Date; note: string }> =
  planFleet(DEFAULT_SEED)
    .flatMap((s) =>
      s.incidents.flatMap((i) =>
        i.remediatedAt === null ? [] : [{ organization: s.organization, hostname: s.hostname, remediatedAt: new Date(i.remediatedAt), note: i.note }],
      ),
    )
    .sort((a, b) => a.remediatedAt.getTime() - b.remediatedAt.getTime());
