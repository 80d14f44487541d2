import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";

// Integration tests run against the database in DATABASE_URL (scripts/test-integration.sh
// sets a fresh SQLite file or a freshly created PostgreSQL database), migrated with the
// same command as production.
export default function setup() {
  const url = (process.env.DATABASE_URL ||= "file:./data/test.db");
  if (url.startsWith("file:")) {
    mkdirSync("data", { recursive: true });
    const path = url.slice(5);
    for (const f of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  }
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "pipe", env: process.env });
  console.log(`integration tests on ${url.startsWith("file:") ? "SQLite" : "PostgreSQL"} (${url.replace(/\/\/[^@]*@/, "//***@")})`);
}
