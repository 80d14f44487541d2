// npm run restore -- FILE [--force]: a backup made by `npm run backup` into the database in DATABASE_URL, with
// Patchboard stopped (lib/data/backup/restore.ts). --force replaces a database that holds data already.
import "dotenv/config";
import { BackupError } from "../lib/data/backup/backup-error";
import { restoreDatabase } from "../lib/data/backup/restore";
import { parseBackupArgs } from "../lib/ops/backup-file";

const args = parseBackupArgs(process.argv.slice(2), "Usage: npm run restore -- FILE [--force]");
if ("error" in args) {
  console.error(args.error);
  process.exit(2);
}
try {
  for (const line of await restoreDatabase(args.file, args)) console.log(line);
} catch (err) {
  console.error(err instanceof BackupError ? `Restore failed: ${err.message}` : err);
  process.exit(1);
}
