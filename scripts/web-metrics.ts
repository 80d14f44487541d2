// One page load measured in Chromium: the JavaScript it fetched (through CDP's Network domain, so bytes as sent and
// as decoded), its largest contentful paint and its total blocking time, with the CPU slowed down.
import type { Page } from "@playwright/test";

export interface JsBytes {
  /** bytes on the wire, headers included, as the server sent them */
  transferred: number;
  /** the scripts' bytes after decoding */
  decoded: number;
  files: number;
  /** the Content-Encoding of the scripts (e.g. "br", "gzip", "br, gzip" when mixed, "identity") */
  encoding: string;
}

export interface WebMetrics {
  /** the scripts the HTML names (script tags, preloads): what the page needs before it works */
  firstLoadJs: JsBytes;
  /** every script fetched until the page went quiet, chunks loaded later by code included */
  allJs: JsBytes;
  /** largest contentful paint, ms from navigation start */
  lcp: number;
  /** total blocking time: the part over 50 ms of each main-thread task after the first contentful paint */
  tbt: number;
  longTasks: number;
}

interface ScriptRequest {
  parser: boolean;
  transferred: number;
  decoded: number;
  encoding: string;
  done: boolean;
}

interface PerfState {
  fcp: number;
  lcp: number;
  tasks: { start: number; duration: number }[];
}

// Runs in the page before any of its scripts, so no long task or paint is missed.
function observe() {
  const state: PerfState = { fcp: 0, lcp: 0, tasks: [] };
  (window as unknown as { __perf: PerfState }).__perf = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") state.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
}

/** As Lighthouse counts it: tasks clipped to after the first contentful paint, 50 ms of each allowed. */
export function totalBlockingTime(tasks: PerfState["tasks"], fcp: number): number {
  let total = 0;
  for (const t of tasks) {
    const end = t.start + t.duration;
    if (end <= fcp) continue;
    total += Math.max(0, end - Math.max(t.start, fcp) - 50);
  }
  return total;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sum(scripts: ScriptRequest[]): JsBytes {
  const encodings = [...new Set(scripts.map((s) => s.encoding))].sort();
  return {
    transferred: scripts.reduce((n, s) => n + s.transferred, 0),
    decoded: scripts.reduce((n, s) => n + s.decoded, 0),
    files: scripts.length,
    encoding: encodings.join(", ") || "none",
  };
}

const QUIET_MS = 5_000;
const MAX_WAIT_MS = 45_000;

/** Loads `path` and waits until the page is quiet: no long task and no script in flight for 5 s. */
export async function pageMetrics(page: Page, path: string, cpuSlowdown: number): Promise<WebMetrics> {
  const cdp = await page.context().newCDPSession(page);
  const scripts = new Map<string, ScriptRequest>();
  const parserInitiated = new Map<string, boolean>();
  let lastActivity = Date.now();
  cdp.on("Network.requestWillBeSent", (e) => {
    parserInitiated.set(e.requestId, e.initiator.type === "parser");
    lastActivity = Date.now();
  });
  cdp.on("Network.responseReceived", (e) => {
    if (e.type !== "Script") return;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    scripts.set(e.requestId, {
      parser: parserInitiated.get(e.requestId) ?? false,
      transferred: 0,
      decoded: 0,
      encoding: headers["content-encoding"] ?? "identity",
      done: false,
    });
  });
  cdp.on("Network.dataReceived", (e) => {
    const script = scripts.get(e.requestId);
    if (script) script.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const script = scripts.get(e.requestId);
    if (script) Object.assign(script, { transferred: e.encodedDataLength, done: true });
    lastActivity = Date.now();
  });
  await cdp.send("Network.enable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  await page.addInitScript(observe);

  const response = await page.goto(path, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
  const started = Date.now();
  let tasksSeen = -1;
  while (Date.now() - started < MAX_WAIT_MS) {
    const tasks = await page.evaluate(() => (window as unknown as { __perf: PerfState }).__perf.tasks.length);
    if (tasks !== tasksSeen) {
      tasksSeen = tasks;
      lastActivity = Math.max(lastActivity, Date.now());
    }
    const inFlight = [...scripts.values()].some((s) => !s.done);
    if (!inFlight && Date.now() - lastActivity >= QUIET_MS) break;
    await page.waitForTimeout(250);
  }
  const perf = await page.evaluate(() => (window as unknown as { __perf: PerfState }).__perf);
  await cdp.detach();
  const all = [...scripts.values()];
  return {
    firstLoadJs: sum(all.filter((s) => s.parser)),
    allJs: sum(all),
    lcp: perf.lcp,
    tbt: totalBlockingTime(perf.tasks, perf.fcp),
    longTasks: perf.tasks.length,
  };
}
