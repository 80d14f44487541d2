// Every build comes from lib/domain (the build table and the campaigns' data): a server "installs the update" by
// taking the build the table lists for its CU, so a demo "patched" server is patched by the same rules.
import { BUILT_IN_CAMPAIGNS } from "../../lib/domain/campaigns/built-in";
import { releasesOf, securityUpdatesFor, type ExchangeProduct, type ReleaseRow } from "../../lib/domain/exchange";
import { thresholdOf, updateBuilds } from "../../lib/domain/exchange/catalog";
import type { PlannedServer } from "./planned-server";
import type { Rng } from "./rng";
import { FRESH_CU, LATEST_CU, NEW_CU_DAY } from "./story";
import { utc } from "./time";

const PROXYLOGON = BUILT_IN_CAMPAIGNS.find((c) => c.id === "proxylogon")!.definition;
const release = (product: ExchangeProduct, cu: string) => releasesOf(product).find((r) => r.name === cu)!;
export const baseBuild = (product: ExchangeProduct, cu: string) => release(product, cu).baseBuild;
const suBuild = (rel: ReleaseRow, su: string) => thresholdOf(updateBuilds(rel, su))?.text ?? null;
export function securityUpdateBuild(product: ExchangeProduct, cu: string): string | null {
  const rollup = PROXYLOGON.updateRollups.find((r) => r.product === product);
  if (rollup) return rollup.build;
  return suBuild(release(product, cu), PROXYLOGON.fixes[0].securityUpdate);
}

export function proxyLogonBuild(rng: Rng, product: ExchangeProduct, cu: string, day: number): string {
  const fresh = FRESH_CU[product];
  if (fresh && day >= NEW_CU_DAY + 3 && rng.chance(0.3)) return baseBuild(product, fresh);
  return securityUpdateBuild(product, cu) ?? securityUpdateBuild(product, LATEST_CU[product]!)!;
}

// The newest security update out for the product on that day, and the build it gives: see Change (planned-server.ts).
function updatedBuild(product: ExchangeProduct, current: ReleaseRow, at: number, update: "current" | "newest"): string | null {
  const out = securityUpdatesFor(product).filter((u) => utc(u.released) <= at);
  const su = out.reduce<(typeof out)[number] | null>((newest, u) => (newest === null || u.released > newest.released ? u : newest), null);
  if (su === null) return null; // Exchange 2010: no security updates after Update Rollup 32
  const releases = releasesOf(product);
  const from = releases.indexOf(current);
  const serviced = releases.filter((r, i) => i >= from && utc(r.released) <= at && suBuild(r, su.name) !== null);
  if (serviced.length === 0) return null;
  const target = update === "current" && serviced[0] === current ? current : serviced[serviced.length - 1];
  return suBuild(target, su.name);
}

function releaseOfBuild(product: ExchangeProduct, build: string): ReleaseRow {
  const releases = releasesOf(product);
  // The release whose base build shares the build's first three parts (Exchange 2010: its first two).
  const parts = build.split(".");
  const key = product === "Exchange 2010" ? 2 : 3;
  return releases.find((r) => r.baseBuild.split(".").slice(0, key).join(".") === parts.slice(0, key).join("."))!;
}

export function deriveTimeline(server: PlannedServer): void {
  let build = server.startBuild;
  server.timeline = [];
  for (const change of [...server.changes].sort((a, b) => a.at - b.at)) {
    const next = "build" in change ? change.build : updatedBuild(server.product, releaseOfBuild(server.product, build), change.at, change.update);
    if (next !== null && next !== build) server.timeline.push({ at: change.at, build: (build = next) });
  }
}

export const buildAt = (server: PlannedServer, t: number) =>
  server.timeline.reduce((build, step) => (step.at <= t ? step.build : build), server.startBuild);
