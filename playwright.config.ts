import { defineConfig, devices } from "@playwright/test";
import { FIRST_RUN_PORT, PORT } from "./e2e/ports";

// The app is started the way a user starts it (`npm start`: migrate, build when needed,
// demo data), on a database of its own that each run begins empty.
export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", dependencies: ["setup"], use: { ...devices["Desktop Chrome"], storageState: "e2e/.auth/owner.json" } },
  ],
  // Started one after the other, so only the first builds the app.
  webServer: [
    {
      command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm start",
      url: `http://127.0.0.1:${PORT}/sign-in`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        DATABASE_URL: "file:./data/e2e.db",
        PATCHBOARD_ADMIN_TOKEN: "e2e-admin-token-0123456789abcdefghijklmnopqrstuv",
        NEXT_TELEMETRY_DISABLED: "1",
        // A JSON line per request would bury the test report.
        PATCHBOARD_LOG: "off",
      },
    },
    {
      // A first run: empty database, demo off, so the setup page leads.
      command: "rm -f data/e2e-empty.db data/e2e-empty.db-wal data/e2e-empty.db-shm && npm start",
      url: `http://127.0.0.1:${FIRST_RUN_PORT}/setup`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(FIRST_RUN_PORT),
        DATABASE_URL: "file:./data/e2e-empty.db",
        PATCHBOARD_DEMO: "0",
        // As behind one TLS-terminating reverse proxy (the demo server above trusts none).
        PATCHBOARD_TRUST_PROXY: "1",
        PATCHBOARD_SECRET: "e2e-first-run-secret-3f9a1c77b2d84e0fa6c5",
        NEXT_TELEMETRY_DISABLED: "1",
        PATCHBOARD_LOG: "off",
      },
    },
  ],
});
