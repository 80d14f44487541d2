// A PostgreSQL server of the crash test's own (initdb into a temporary folder, one port, trust on 127.0.0.1 only),
// so that stopping it for the outage test disturbs no one else using the machine's PostgreSQL. Run as the
// `postgres` user when we are root (PostgreSQL refuses to run as root). Removed whole by destroy().
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PrivatePostgres {
  /** postgresql://postgres@127.0.0.1:PORT (add /database) */
  base: string;
  start(): Promise<void>;
  /** a fast stop: every session is ended at once, as a crash or failover of the server would */
  stop(): Promise<void>;
  /** stops it at once if it runs, and removes its files (synchronous: it also runs on Ctrl+C) */
  destroy(): void;
}

/** The newest installed server's programs (PG_BIN to choose), or null when there is none. */
function serverBin(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], "bin") : null;
}

export function createPrivatePostgres(port: number): PrivatePostgres | null {
  const bin = serverBin();
  if (!bin) return null;
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "patchboard-pg-"));
  if (root) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chownSync(dir, uid, gid);
  }
  const command = (program: string, args: string[]): [string, string[]] => (root ? ["runuser", ["-u", "postgres", "--", join(bin, program), ...args]] : [join(bin, program), args]);
  const run = (program: string, args: string[]) => {
    const res = spawnSync(...command(program, args), { encoding: "utf8", cwd: dir });
    if (res.status !== 0) throw new Error(`${program} ${args.join(" ")} failed: ${res.stderr || res.stdout}`);
  };
  // Starting and stopping run beside the test's readers: the event loop must not stop with them.
  const runAsync = async (program: string, args: string[]) => {
    await promisify(execFile)(...command(program, args), { cwd: dir });
  };
  const data = join(dir, "data");
  // Durability is not what this server is for: fsync off makes its start and stop quick.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const ctlArgs = (args: string[]) => ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", ...args];
  try {
    run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "-N"]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  let running = false;
  return {
    base: `postgresql://postgres@127.0.0.1:${port}`,
    async start() {
      running = true;
      await runAsync("pg_ctl", ctlArgs(["-o", options, "start"]));
    },
    async stop() {
      await runAsync("pg_ctl", ctlArgs(["-m", "fast", "stop"]));
      running = false;
    },
    destroy() {
      if (running) {
        try {
          run("pg_ctl", ctlArgs(["-m", "immediate", "stop"]));
        } catch {
          /* already stopped */
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
