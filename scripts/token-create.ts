// npm run token:create -- --name NAME : prints a new API token (shown once; only its hash is stored).
import "dotenv/config";
import { parseArgs } from "node:util";
import { createApiToken } from "../lib/data/tokens";

const { values } = parseArgs({ options: { name: { type: "string" } } });
const name = values.name?.trim();
if (!name) {
  console.error("Usage: npm run token:create -- --name NAME");
  process.exit(2);
}
const { token } = await createApiToken(name.slice(0, 100));
console.log(token);
