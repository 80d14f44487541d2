// node scripts/pg-admin.mjs create|drop BASE_URL DBNAME: creates or drops a test database.
import pg from "pg";

const [action, base, name] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name ?? "")) throw new Error("database name must be [a-z0-9_]+");
const client = new pg.Client({ connectionString: `${base}/postgres`, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  if (action === "create") await client.query(`CREATE DATABASE "${name}"`);
  else if (action === "drop") await dropDatabase();
  else throw new Error(`unknown action ${action}`);
} catch (err) {
  console.error(`pg-admin ${action} ${name}: ${err.message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}

// FORCE ends the sessions of our own role, but not a superuser's: an autovacuum worker that a test's large import set
// off refuses it ("must be a member of the role whose process is being terminated"). It finishes soon: try again.
async function dropDatabase() {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (err) {
      if (attempt >= 30 || !/member of the role|being accessed by other users/.test(err.message)) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
