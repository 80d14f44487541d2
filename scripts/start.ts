// `npm start`: check the configuration (a session secret made in demo mode), prepare in a process of its own
// (scripts/prepare.ts: migrate, build when needed, demo data when empty), then serve on PORT (default 3000), passing
// signals on to the server.
import "dotenv/config";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_DATABASE_URL, demoEnabled, generateSecret, secretProblem, startupProblems } from "../lib/config";
import { serverEnv } from "./server-options";
import { bundleServer } from "./server-bundle";

process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
process.env.NEXT_TELEMETRY_DISABLED = "1";

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
  // The preparation (migrations, build, demo data) in a process of its own: what it loads is gone once it ends, where
  // in this process, which stays beside the server to pass signals on, it stayed for the server's life (216 MB).
  const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare.ts"], { stdio: "inherit", env: process.env });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
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
