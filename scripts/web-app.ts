// The production app as `npm start` runs it (migrate, build when needed, demo data), on a database file of its own
// that each run begins empty, for the scripts that drive it in a browser (bench-web.ts, screenshots.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import type { Browser, BrowserContextOptions } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";

export interface RunningApp {
  base: string;
  /** the process `npm start` would be (scripts/start.ts; the server is its child) */
  pid: number;
  /** resolves when it has exited, however */
  exited: Promise<void>;
  stop: () => Promise<void>;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Starts the app on `port` with a fresh `data/<name>.db` (or on `databaseUrl`). `demo: false` starts it empty with demo mode off (the
 * set-up page); it then gets a fixed session secret, as demo mode is what generates one.
 */
export async function startApp(name: string, port: number, { demo = true, databaseUrl, env = {} }: { demo?: boolean; databaseUrl?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  mkdirSync("data", { recursive: true });
  // A database URL given is the caller's (several processes may share it); else a fresh file of this name.
  if (!databaseUrl) for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`data/${name}.db${suffix}`, { force: true });
  // As `npm start` runs it (node with the tsx loader: see scripts/start.ts), so SIGTERM reaches it as sent.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl ?? `file:./data/${name}.db`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The page loads the scripts measure would otherwise each print a request line.
      PATCHBOARD_LOG: "off",
      ...(demo ? {} : { PATCHBOARD_DEMO: "0", PATCHBOARD_SECRET: `${name}-script-session-secret-0123456789abcdef` }),
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout?.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = () => stopChild(child, exited);
  try {
    await waitForOk(`${base}/sign-in`, child);
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, pid: child.pid!, exited, stop };
}

async function waitForOk(url: string, child: ChildProcess): Promise<void> {
  // The first start builds the app: that takes minutes on a small machine.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before it answered ${url}`);
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer ${url} in time`);
}

function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  // Killed by a signal (the crash test's SIGKILL), exitCode stays null: signalCode says it is gone.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
  // start.ts passes the signal on to the server it spawned.
  child.kill("SIGTERM");
  return exited.finally(() => clearTimeout(force));
}

/** The demo owner's browser state (cookies), from signing in through the page as a person does. */
export async function ownerState(browser: Browser, base: string): Promise<BrowserContextOptions["storageState"]> {
  const owner = DEMO_ACCOUNTS.find((a) => a.role === "owner")!;
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${base}/`);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Pages of the demo fleet that have no fixed address: the most exposed organization and a compromised server. */
export async function demoPaths(browser: Browser, base: string, storageState: BrowserContextOptions["storageState"]) {
  const context = await browser.newContext({ baseURL: base, storageState });
  const first = async <T>(path: string): Promise<T> => {
    const res = await context.request.get(path);
    if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}`);
    const row = ((await res.json()) as { data: T[] }).data[0];
    if (!row) throw new Error(`GET ${path} found nothing in the demo fleet`);
    return row;
  };
  try {
    const organization = await first<{ slug: string }>("/api/v1/organizations?sort=-compromised&pageSize=1");
    const server = await first<{ id: number }>("/api/v1/servers?status=compromised&sort=hostname&pageSize=1");
    return { organization: `/organizations/${organization.slug}`, server: `/servers/${server.id}` };
  } finally {
    await context.close();
  }
}
