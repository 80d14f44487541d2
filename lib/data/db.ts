import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { DEFAULT_DATABASE_URL } from "../config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PgClient } from "../generated/postgres/client";

// The only module that knows there are two databases (with sql-session.ts and
// sql-write-transaction.ts, the raw SQL beside it). Both clients come from the same models, so the PostgreSQL client
// is typed as the SQLite one.
export type Db = SqliteClient;
export type Dialect = "sqlite" | "postgres";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function dialect(url = databaseUrl()): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(":")[0]} (use file: or postgresql://)`);
}

export function sqlitePath(url = databaseUrl()): string {
  return url.replace(/^file:/, "");
}

/** The database for people: the SQLite file's path, or "PostgreSQL". */
export function describeDatabase(url = databaseUrl()): string {
  return dialect(url) === "sqlite" ? sqlitePath(url) : "PostgreSQL";
}

/** better-sqlite3 does not create a missing folder; PostgreSQL needs nothing. */
export function ensureDatabaseFolder(url = databaseUrl()): void {
  if (dialect(url) === "sqlite") mkdirSync(dirname(sqlitePath(url)), { recursive: true });
}

/** The committed migrations of this database's kind. */
export function migrationsFolder(root = process.cwd(), url = databaseUrl()): string {
  return join(root, "prisma", dialect(url) === "postgres" ? "postgres" : "sqlite", "migrations");
}

/** Better Auth's name for the database's kind. */
export function prismaProvider(): "postgresql" | "sqlite" {
  return dialect() === "postgres" ? "postgresql" : "sqlite";
}

/** A case-insensitive "contains" filter: SQLite's LIKE ignores ASCII case already, PostgreSQL needs to be told. */
export function containsText(value: string): { contains: string; mode?: "insensitive" } {
  return dialect() === "postgres" ? { contains: value, mode: "insensitive" } : { contains: value };
}

// A database that is away must fail a request, never hang it: a connection that cannot be made in this time is an
// error (answered 503, lib/api/error-response.ts). pg waits forever by default. Prisma's adapter drops a pooled
// connection that died and connects anew, so the app recovers by itself when the database is back.
export const PG_CONNECT_TIMEOUT_MS = 10_000;

function createClient(): Db {
  const url = databaseUrl();
  if (dialect(url) === "postgres") {
    return new PgClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 15_000 }) });
}

const globalForPrisma = globalThis as unknown as { prisma?: Db };
export const db = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;
