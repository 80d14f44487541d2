import "dotenv/config";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { parse } from "pg-connection-string";
import { withMigrateFixes } from "./prisma/migrate-adapter";

// Embedded SQLite by default; PostgreSQL when DATABASE_URL is postgres(ql)://. The CLI connects only through the
// adapter below (the schemas' datasource has no URL: see the comment there).
process.env.DATABASE_URL ??= "file:./data/patchboard.db";
const url = process.env.DATABASE_URL;
const isPg = /^postgres(ql)?:\/\//.test(url);
// better-sqlite3 cannot create a missing folder; migrate deploy would fail with "External error id#0".
if (!isPg && url.startsWith("file:") && !url.includes(":memory:")) mkdirSync(dirname(url.slice(5)), { recursive: true });

export default defineConfig({
  schema: isPg ? "prisma/postgres/schema.prisma" : "prisma/sqlite/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (!isPg) return withMigrateFixes(new PrismaBetterSQLite3({ url }));
    // Discrete fields, not { connectionString }: the shadow database would otherwise be the main one.
    const { host, port, database, user, password } = parse(url);
    return withMigrateFixes(
      new PrismaPg({ host: host ?? undefined, port: port ? Number(port) : undefined, database: database ?? undefined, user, password }),
    );
  },
});
