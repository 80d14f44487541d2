// npm run token:create -- --name NAME : prints a new API token (shown once; only its hash is stored).
import "dotenv/config";
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { createApiToken } from "../lib/data/tokens";

const { values } = parseArgs({ options: { name: { type: "string" } } });
const name = values.name?.trim();
if (!name) {
  console.error("Usage: npm run token:create -- --name NAME");
  process.exit(2);
}
// A token may be wanted before the first `npm start`: bring the database up to date first.
const migrate = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { encoding: "utf8" });
if (migrate.status !== 0) {
  console.error(migrate.stdout + migrate.stderr);
  process.exit(1);
}
const { token } = await createApiToken(name.slice(0, 100));
console.log(token);
