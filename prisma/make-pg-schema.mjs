// prisma/sqlite/schema.prisma is the source of truth; this writes prisma/postgres/schema.prisma.
// Only the datasource provider and the client output differ. Commit the result.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
const src = readFileSync("prisma/sqlite/schema.prisma", "utf8");
const out = src
  .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
  .replace('output     = "../../lib/generated/sqlite"', 'output     = "../../lib/generated/postgres"');
if (out === src || !out.includes('"postgresql"') || !out.includes("generated/postgres")) throw new Error("make-pg-schema: patterns not found");
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync("prisma/postgres/schema.prisma", "// GENERATED from prisma/sqlite/schema.prisma by prisma/make-pg-schema.mjs - do not edit\n" + out);

// With --generate: generate both clients. prisma.config.ts picks schema + adapter from
// DATABASE_URL, and the CLI refuses a schema whose provider differs from the adapter's
// (it then tries to download the native engine), so each run gets a matching URL.
if (process.argv.includes("--generate")) {
  const { execFileSync } = await import("node:child_process");
  const prisma = process.platform === "win32" ? "prisma.cmd" : "prisma";
  const isPg = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
  const urls = {
    sqlite: isPg || !process.env.DATABASE_URL ? "file:./data/patchboard.db" : process.env.DATABASE_URL,
    postgres: isPg ? process.env.DATABASE_URL : "postgresql://localhost:5432/placeholder",
  };
  for (const DATABASE_URL of Object.values(urls)) {
    execFileSync(prisma, ["generate"], { stdio: "inherit", env: { ...process.env, DATABASE_URL } });
  }
}
