// `npm start`'s preparation, in a process of its own that ends when it is done (scripts/start.ts runs it, then the
// server): migrate, build when needed, compress the static assets, prepare the database (demo data when empty).
// Apart from the server so that what it loads (both Prisma clients, the status engine, the demo fleet) does not stay
// in memory beside the server for the server's life. Exits non-zero, having said why, when the app cannot start.
import "dotenv/config";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describeDatabase, ensureDatabaseFolder } from "../lib/data/db";
import { migrateIfNeeded, pendingMigrations } from "../lib/data/migrations";
import { rederiveIfRulesChanged } from "../lib/data/fleet/rules-version";
import { isDatabaseEmpty, prepareDatabase } from "../lib/data/accounts/setup";
import { demoEnabled } from "../lib/config";
import { seedDemo, seedDemoAccounts } from "./seed-demo";
import { isPrecompressed, precompressStaticAssets } from "./precompress";

const bin = (name: string) => join("node_modules", ".bin", name);

function run(cmd: string, args: string[]) {
  const res = spawnSync(bin(cmd), args, { stdio: "inherit", env: process.env });
  if (res.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${res.status}).`);
    process.exit(res.status ?? 1);
  }
}

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const id = join(".next", "BUILD_ID");
  if (!existsSync(id)) return true;
  const built = statSync(id).mtimeMs;
  const files = ["proxy.ts", "next.config.js", "package-lock.json"];
  return (
    ["app", "components", "lib", "public"].some((d) => existsSync(d) && newestSourceTime(d) > built) ||
    files.some((f) => existsSync(f) && statSync(f).mtimeMs > built)
  );
}

async function main() {
  ensureDatabaseFolder();
  // Only when a migration is pending: a second start beside a running one must not collide with it.
  const pending = await pendingMigrations();
  if (pending.length) {
    console.log(`Patchboard: migrating ${describeDatabase()} (${pending.length} migration${pending.length > 1 ? "s" : ""}) ...`);
    const problem = await migrateIfNeeded();
    if (problem) {
      console.error(`\nPatchboard cannot start: ${problem}`);
      process.exit(1);
    }
  }
  if (buildIsStale()) {
    console.log("Patchboard: building the app (first start or changed sources) ...");
    run("next", ["build"]);
  }
  // The static assets' brotli and gzip copies, once per build (also after a build made with `next build` alone).
  if (!isPrecompressed()) {
    const { files } = await precompressStaticAssets();
    console.log(`Patchboard: compressed ${files} static files (brotli, gzip).`);
  }
  await prepareDatabase({ adminToken: process.env.PATCHBOARD_ADMIN_TOKEN });
  const rederived = await rederiveIfRulesChanged((done, total) => console.log(`Patchboard: re-deriving statuses with the new rules: ${done} of ${total} servers`));
  if (rederived > 0) console.log(`Patchboard: ${rederived} servers re-derived with the current status rules.`);
  if (demoEnabled() && (await isDatabaseEmpty())) {
    console.log("Patchboard: empty database, loading the demo fleet (PATCHBOARD_DEMO=0 to start empty) ...");
    await seedDemo();
  }
  // With demo mode off the demo accounts stay as they are: the server refuses them itself (lib/data/accounts/users.ts).
  if (demoEnabled()) await seedDemoAccounts();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
