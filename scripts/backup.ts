// npm run backup -- FILE [--force]: the database in DATABASE_URL into FILE, while Patchboard runs
// (lib/data/backup/backup.ts). --force overwrites an existing FILE.
import "dotenv/config";
import { BackupError } from "../lib/data/backup/backup-error";
import { backupDatabase } from "../lib/data/backup/backup";
import { parseBackupArgs } from "../lib/ops/backup-file";

const args = parseBackupArgs(process.argv.slice(2), "Usage: npm run backup -- FILE [--force]");
if ("error" in args) {
  console.error(args.error);
  process.exit(2);
}
try {
  console.log(await backupDatabase(args.file, args));
} catch (err) {
  console.error(err instanceof BackupError ? `Backup failed: ${err.message}` : err);
  process.exit(1);
}
