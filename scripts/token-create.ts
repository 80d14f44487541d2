// npm run token:create -- --name NAME [--role admin|technician|viewer] [--organization SLUG]... [--expires YYYY-MM-DD]
// Prints a new API token (shown once; only its hash is stored).
import "dotenv/config";
import { parseArgs } from "node:util";
import { db } from "../lib/data/db";
import { migrateIfNeeded } from "../lib/data/migrations";
import { createApiToken } from "../lib/data/accounts/tokens";
import { TOKEN_ROLES, type TokenRole } from "../lib/domain/access";

const USAGE = "Usage: npm run token:create -- --name NAME [--role admin|technician|viewer] [--organization SLUG]... [--expires YYYY-MM-DD]";
let values: { name?: string; role?: string; organization?: string[]; expires?: string };
try {
  ({ values } = parseArgs({
    options: { name: { type: "string" }, role: { type: "string" }, organization: { type: "string", multiple: true }, expires: { type: "string" } },
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
const name = values.name?.trim();
const role = (values.role ?? "admin") as TokenRole;
if (!name || !TOKEN_ROLES.includes(role) || (values.expires && !/^\d{4}-\d\d-\d\d$/.test(values.expires))) {
  console.error(USAGE);
  process.exit(2);
}
// A token may be wanted before the first `npm start`: bring the database up to date first, but only when it is not
// (the dashboard may be running, and migrating beside it fails on SQLite: lib/data/migrations.ts).
const migrateProblem = await migrateIfNeeded({ quiet: true });
if (migrateProblem) {
  console.error(migrateProblem);
  process.exit(1);
}
try {
  const { token } = await createApiToken(name.slice(0, 100), {
    role,
    organizationSlugs: values.organization ?? [],
    expiresAt: values.expires ? new Date(`${values.expires}T23:59:59.999Z`) : null,
    createdBy: "command line",
  });
  console.log(token);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  // PostgreSQL's idle pool would otherwise keep the command waiting for ten seconds after the token is printed.
  await db.$disconnect();
}
