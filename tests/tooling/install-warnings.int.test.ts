import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/data/db";

const run = promisify(execFile);
const output = async (cmd: string, args: string[]) => {
  const { stdout, stderr } = await run(cmd, args, { env: { ...process.env, DATABASE_URL: databaseUrl() }, timeout: 60_000 });
  return stdout + stderr;
};

// What a new user sees on `npm start` and `npm install` should not look like something is wrong.
describe("no alarming warnings", () => {
  it("issue 8 item 17: the migrate CLI prints no warning that the schema's url is ignored", async () => {
    const text = await output("node_modules/.bin/prisma", ["migrate", "status"]);
    expect(text).toMatch(/up to date/);
    expect(text).not.toMatch(/datasource properties|will NOT be used/i);
  });

  it("issue 8 item 17: allowScripts reviews every install script, approving only the native build", async () => {
    const text = await output("npm", ["install-scripts", "ls"]);
    expect(text).toMatch(/No packages with unreviewed install scripts/);
    const { allowScripts } = JSON.parse(readFileSync("package.json", "utf8")) as { allowScripts: Record<string, boolean> };
    expect(Object.entries(allowScripts).filter(([, allowed]) => allowed).map(([name]) => name)).toEqual(["better-sqlite3"]);
  });
});
