// npm run screenshots: every page of the production app on the demo fleet, signed in as the demo owner, in light and
// dark at 1280 px and 390 px wide (a phone), written to docs/screenshots/<page>-light.png, -dark.png, -mobile.png.
// The set-up page is taken from a second, empty app with demo mode off. The same data gives the same pictures: the
// charts are waited for, animations and the caret are frozen, and each shot waits for the fonts and the network.
// SCREENSHOTS_PORT (default 3400; the empty app uses the next port), SCREENSHOTS_ONLY=overview,sign-in to take some.
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { CHROMIUM_PATH, demoPaths, ownerState, startApp, type RunningApp } from "./web-app";

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3400);
const ONLY = process.env.SCREENSHOTS_ONLY?.split(",").map((s) => s.trim());
const DIR = "docs/screenshots";

type State = BrowserContextOptions["storageState"];
interface Shot {
  name: string;
  path: string;
  app: "demo" | "empty";
  signedIn: boolean;
}

const VARIANTS: { suffix: string; options: BrowserContextOptions }[] = [
  { suffix: "light", options: { viewport: { width: 1280, height: 800 }, colorScheme: "light" } },
  { suffix: "dark", options: { viewport: { width: 1280, height: 800 }, colorScheme: "dark" } },
  { suffix: "mobile", options: { viewport: { width: 390, height: 844 }, colorScheme: "light", hasTouch: true } },
];
/** Long pages (a server's full history) are cut here: the picture is of the page, not of every row. */
const MAX_HEIGHT = 5_000;

const FREEZE = `*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }`;

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // The charts are in the page's HTML; wait until they are on screen all the same.
  const trend = page.getByTestId("trend-chart");
  if (await trend.locator("figcaption").count()) await trend.getByTestId("trend-area").nth(4).waitFor();
  const top = page.getByTestId("top-organizations-chart");
  if (await top.count()) await top.getByTestId("top-organizations-bar").first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.addStyleTag({ content: FREEZE });
  // Next prefetches links in view; let that finish so nothing repaints mid-shot.
  await page.waitForLoadState("networkidle");
}

async function shoot(browser: Browser, base: string, shot: Shot, state: State) {
  for (const { suffix, options } of VARIANTS) {
    const context = await browser.newContext({
      ...options,
      baseURL: base,
      deviceScaleFactor: 1,
      reducedMotion: "reduce",
      storageState: shot.signedIn ? state : undefined,
    });
    try {
      const page = await context.newPage();
      const response = await page.goto(shot.path);
      if (!response?.ok()) throw new Error(`${shot.path} answered ${response?.status()}`);
      await settle(page);
      const [height, width] = await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth]);
      // A page wider than the window scrolls sideways as a whole: a reader on a phone loses the left edge.
      if (width > options.viewport!.width) console.warn(`screenshots: ${shot.name}-${suffix} is ${width} px wide in a ${options.viewport!.width} px window`);
      // The window's width: a wide table scrolls in its own box, and the picture is of what a reader sees.
      const clip = { x: 0, y: 0, width: options.viewport!.width, height: Math.min(height, MAX_HEIGHT) };
      await page.screenshot({ path: `${DIR}/${shot.name}-${suffix}.png`, fullPage: true, clip, animations: "disabled" });
    } finally {
      await context.close();
    }
  }
  console.log(`screenshots: ${shot.name}`);
}

async function main() {
  mkdirSync(DIR, { recursive: true });
  const apps: RunningApp[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  try {
    // One after the other: the first start builds the app when needed, the second finds it built.
    const demo = await startApp("screenshots", PORT);
    apps.push(demo);
    const empty = await startApp("screenshots-empty", PORT + 1, { demo: false });
    apps.push(empty);
    const owner = await ownerState(browser, demo.base);
    const { organization, server } = await demoPaths(browser, demo.base, owner);
    const shots: Shot[] = [
      { name: "overview", path: "/", app: "demo", signedIn: true },
      { name: "organization", path: organization, app: "demo", signedIn: true },
      { name: "servers", path: "/servers", app: "demo", signedIn: true },
      { name: "server", path: server, app: "demo", signedIn: true },
      { name: "organization-settings", path: `${organization}/settings`, app: "demo", signedIn: true },
      { name: "upload", path: "/upload", app: "demo", signedIn: true },
      { name: "imports", path: "/imports", app: "demo", signedIn: true },
      { name: "admin-users", path: "/admin/users", app: "demo", signedIn: true },
      { name: "admin-tokens", path: "/admin/tokens", app: "demo", signedIn: true },
      { name: "admin-audit", path: "/admin/audit", app: "demo", signedIn: true },
      { name: "admin-campaigns", path: "/admin/campaigns", app: "demo", signedIn: true },
      { name: "admin-settings", path: "/admin/settings", app: "demo", signedIn: true },
      { name: "account-password", path: "/account/password", app: "demo", signedIn: true },
      { name: "sign-in", path: "/sign-in", app: "demo", signedIn: false },
      { name: "setup", path: "/setup", app: "empty", signedIn: false },
    ];
    for (const shot of shots) {
      if (ONLY && !ONLY.includes(shot.name)) continue;
      await shoot(browser, shot.app === "demo" ? demo.base : empty.base, shot, owner);
    }
    console.log(`written: ${DIR}/`);
  } finally {
    await browser.close();
    for (const app of apps.reverse()) await app.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
