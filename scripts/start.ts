// `npm start`: migrate, build when needed, prepare the database (demo data when empty),
// then serve on PORT (default 3000).
import "dotenv/config";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_DATABASE_URL, describeDatabase, ensureDatabaseFolder } from "../lib/data/db";
import { migrateIfNeeded, pendingMigrations } from "../lib/data/migrations";
import { rederiveIfRulesChanged } from "../lib/data/fleet/rules-version";
import { isDatabaseEmpty, prepareDatabase } from "../lib/data/accounts/setup";
import { demoEnabled, generateSecret, secretProblem, startupProblems } from "../lib/config";
import { seedDemo, seedDemoAccounts } from "./seed-demo";
import { isPrecompressed, precompressStaticAssets } from "./precompress";
import { serverEnv } from "./server-options";
import { bundleServer } from "./server-bundle";

process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
process.env.NEXT_TELEMETRY_DISABLED = "1";
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

const GENERATED_SECRET_FILE = join("data", ".session-secret");

// The session secret, checked before anything else. In demo mode a missing one is generated and kept in data/
// (so sessions survive a restart); otherwise a missing or weak one stops start-up.
function ensureSessionSecret(): void {
  const problem = secretProblem(process.env.PATCHBOARD_SECRET);
  if (!problem) return;
  if (process.env.PATCHBOARD_SECRET || !demoEnabled()) {
    console.error(
      `\nPatchboard cannot start: ${problem}.\n` +
        "Set PATCHBOARD_SECRET to at least 32 random characters (for example the output of: openssl rand -base64 32).\n" +
        "It signs the session cookies. (Demo mode, the default, makes one for you when none is set.)\n",
    );
    process.exit(1);
  }
  mkdirSync("data", { recursive: true });
  if (!existsSync(GENERATED_SECRET_FILE)) writeFileSync(GENERATED_SECRET_FILE, generateSecret(), { mode: 0o600 });
  process.env.PATCHBOARD_SECRET = readFileSync(GENERATED_SECRET_FILE, "utf8").trim();
}

async function main() {
  const problems = startupProblems();
  if (problems.length) {
    console.error(`\nPatchboard cannot start:\n${problems.map((p) => `- ${p}.`).join("\n")}\n`);
    process.exit(1);
  }
  ensureSessionSecret();
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
  const port = process.env.PORT || "3000";
  // Not `next start`: scripts/serve.ts puts Next behind a server that knows the client's address. Node runs it compiled
  // (scripts/server-bundle.ts), with no loader, and not under the tsx command: that one relays a signal and, when the
  // process does not confirm it within 30 ms (its event loop busy, say with an SQLite import), kills it outright, the
  // graceful stop with it.
  const serve = await bundleServer();
  const server = spawn(process.execPath, [serve, "-p", port, ...process.argv.slice(2)], { stdio: "inherit", env: serverEnv(process.env) });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
