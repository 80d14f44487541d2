// node scripts/pg-admin.mjs create|drop BASE_URL DBNAME: creates or drops a test database.
import pg from "pg";

const [action, base, name] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name ?? "")) throw new Error("database name must be [a-z0-9_]+");
const client = new pg.Client({ connectionString: `${base}/postgres`, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  if (action === "create") await client.query(`CREATE DATABASE "${name}"`);
  else if (action === "drop") await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  else throw new Error(`unknown action ${action}`);
} catch (err) {
  console.error(`pg-admin ${action} ${name}: ${err.message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
