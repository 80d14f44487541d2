import { describe, expect, it } from "vitest";
import { backupKind, migrationProblem, migrationsFromCopy, parseBackupArgs } from "./backup-file";

const USAGE = "Usage: npm run backup -- FILE [--force]";

describe("parseBackupArgs", () => {
  it("reads a file and --force in either order", () => {
    expect(parseBackupArgs(["b.db"], USAGE)).toEqual({ file: "b.db", force: false });
    expect(parseBackupArgs(["--force", "b.db"], USAGE)).toEqual({ file: "b.db", force: true });
    expect(parseBackupArgs(["b.db", "--force"], USAGE)).toEqual({ file: "b.db", force: true });
  });

  it("refuses no file, two files and unknown options with the usage", () => {
    expect(parseBackupArgs([], USAGE)).toEqual({ error: USAGE });
    expect(parseBackupArgs(["a", "b"], USAGE)).toEqual({ error: USAGE });
    expect(parseBackupArgs(["a", "--yes"], USAGE)).toEqual({ error: `Unknown option --yes.\n${USAGE}` });
  });
});

describe("backupKind", () => {
  const bytes = (text: string) => new Uint8Array(Buffer.from(text.padEnd(16, "x"), "latin1"));
  it("knows an SQLite file and a pg_dump custom archive by their first bytes", () => {
    expect(backupKind(bytes("SQLite format 3\0"))).toBe("sqlite");
    expect(backupKind(bytes("PGDMP\x01\x0e\0"))).toBe("postgres");
  });

  it("knows nothing else (a plain SQL dump, a CSV, an empty file)", () => {
    expect(backupKind(bytes("--\n-- PostgreSQL"))).toBeNull();
    expect(backupKind(bytes("organization,host"))).toBeNull();
    expect(backupKind(new Uint8Array(16))).toBeNull();
  });
});

describe("migrationProblem", () => {
  const committed = ["20260101_init", "20260201_more", "20260301_latest"];

  it("takes a backup with the same migrations, or older ones (the rest are applied after)", () => {
    expect(migrationProblem(committed, committed)).toBeNull();
    expect(migrationProblem(committed.slice(0, 2), committed)).toBeNull();
  });

  it("refuses a backup made by a newer version, naming what it does not have", () => {
    expect(migrationProblem([...committed, "20260401_newer"], committed)).toMatch(/newer version.*20260401_newer/);
    const many = ["a", "b", "c", "d", "e"].map((n) => `2027_${n}`);
    expect(migrationProblem([...committed, ...many], committed)).toMatch(/2027_a, 2027_b, 2027_c and 2 more/);
  });

  it("refuses a file without migrations: not a Patchboard database", () => {
    expect(migrationProblem([], committed)).toMatch(/not a Patchboard backup/);
  });
});

describe("migrationsFromCopy", () => {
  const copy = (rows: string[]) =>
    [
      "SET statement_timeout = 0;",
      "",
      "COPY public._prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) FROM stdin;",
      ...rows,
      "\\.",
      "",
      "COPY public.other (id, migration_name) FROM stdin;",
      "1\tnot_a_migration",
      "\\.",
    ].join("\n");

  it("reads the applied migrations from pg_restore's text of the table", () => {
    const text = copy([
      "a1\tc1\t2026-12-02 04:08:52.317+00\t20261129024810_init\t\\N\t\\N\t2026-12-02 04:08:52.294+00\t1",
      "a2\tc2\t2026-12-02 04:08:53.317+00\t20261203200000_hunts\t\\N\t\\N\t2026-12-02 04:08:53.294+00\t1",
    ]);
    expect(migrationsFromCopy(text)).toEqual(["20261129024810_init", "20261203200000_hunts"]);
  });

  it("leaves out a migration that never finished or was rolled back, as the app does", () => {
    const text = copy([
      "a1\tc1\t\\N\t20261129024810_failed\tsome log\\nline\t\\N\t2026-12-02 04:08:52+00\t0",
      "a2\tc2\t2026-12-02 04:08:53+00\t20261203200000_undone\t\\N\t2026-12-02 05:00:00+00\t2026-12-02 04:08:53+00\t1",
      "a3\tc3\t2026-12-02 04:08:54+00\t20261204100000_ok\t\\N\t\\N\t2026-12-02 04:08:54+00\t1",
    ]);
    expect(migrationsFromCopy(text)).toEqual(["20261204100000_ok"]);
  });

  it("finds nothing in an archive without the table", () => {
    expect(migrationsFromCopy("SET statement_timeout = 0;\n")).toEqual([]);
  });
});
