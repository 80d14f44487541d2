import type { APIResponse, Page } from "@playwright/test";
import { ADMIN_TOKEN, expect, expectNoAxeViolations, test } from "./fixtures";
import { FIRST_RUN_PORT } from "./ports";

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};
const HSTS = "max-age=63072000; includeSubDomains";
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Each security header exactly once (the proxy and next.config.js must not both add one), with its value. */
function expectSecurityHeaders(res: APIResponse, { https }: { https: boolean }) {
  const lines = res.headersArray();
  const values = (name: string) => lines.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  for (const [name, value] of Object.entries(COMMON)) expect(values(name), `${res.url()} ${name}`).toEqual([value]);
  expect(values("strict-transport-security"), `${res.url()} HSTS`).toEqual(https ? [HSTS] : []);
  expect(values("x-powered-by")).toEqual([]);
}

function cspOf(res: APIResponse): string {
  const csps = res.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(csps, `${res.url()}: one Content-Security-Policy`).toHaveLength(1);
  return csps[0].value;
}

function directive(csp: string, name: string): string[] {
  const found = csp.split(";").map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  expect(found, `${name} in ${csp}`).toBeTruthy();
  return found!.slice(1);
}

function nonceOf(csp: string): string {
  const nonces = directive(csp, "script-src").filter((s) => s.startsWith("'nonce-"));
  expect(nonces).toHaveLength(1);
  return nonces[0].slice("'nonce-".length, -1);
}

/** The page CSP: a nonce, 'strict-dynamic', no inline script; every <script> in the HTML carries that nonce. */
async function expectPageCsp(res: APIResponse): Promise<string> {
  const csp = cspOf(res);
  const scripts = directive(csp, "script-src");
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'"); // production build
  for (const [name, sources] of Object.entries({
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "img-src": ["'self'", "data:", "blob:"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
  })) {
    expect(directive(csp, name), name).toEqual(sources);
  }
  const nonce = nonceOf(csp);
  const html = await res.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, "the page has scripts").toBeGreaterThan(0);
  for (const tag of tags) expect(tag, "every script carries the response's nonce").toContain(`nonce="${nonce}"`);
  return nonce;
}

/** Collects CSP violations, both as the browser reports them on the console and as DOM events. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) messages.push(msg.text());
  });
  // Init scripts are injected by the browser's debugging protocol, which the page's CSP does not govern.
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

// Pages are fetched with page.request: it shares the browser context's cookies, so the requests
// are signed in whenever the specs' browser state is.
test("pages carry the security headers and a nonce CSP that every script of theirs satisfies", async ({ page }) => {
  const request = page.request;
  const first = await request.get("/");
  expect(first.status()).toBe(200);
  expectSecurityHeaders(first, { https: false });
  const nonce = await expectPageCsp(first);
  expect(directive(cspOf(first), "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(cspOf(first)).not.toContain("upgrade-insecure-requests"); // plain http here

  const second = await request.get("/");
  expect(await expectPageCsp(second), "a fresh nonce per response").not.toBe(nonce);

  // A nonce the client sends is not believed.
  const forged = await request.get("/upload", { headers: { "x-nonce": "AAAAAAAAAAAAAAAAAAAAAA==" } });
  expect(await expectPageCsp(forged)).not.toBe("AAAAAAAAAAAAAAAAAAAAAA==");
  expectSecurityHeaders(forged, { https: false });

  // The 404 page is rendered per request too, so its scripts have the nonce.
  const missing = await request.get("/no-such-page-at-all");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing, { https: false });
  await expectPageCsp(missing);
});

test("behind a trusted TLS-terminating proxy, pages, API responses and static files get HSTS", async ({ request }) => {
  // The first-run server runs with PATCHBOARD_TRUST_PROXY=1.
  const base = `http://127.0.0.1:${FIRST_RUN_PORT}`;
  const https = { "x-forwarded-proto": "https" };
  const page = await request.get(`${base}/sign-in`, { headers: https, maxRedirects: 0 });
  expectSecurityHeaders(page, { https: true });
  expect(cspOf(page)).toContain("upgrade-insecure-requests");

  const api = await request.get(`${base}/api/v1/summary`, { headers: https });
  expect(api.status()).toBe(401);
  expectSecurityHeaders(api, { https: true });

  const icon = await request.get(`${base}/icon.svg`, { headers: https });
  expectSecurityHeaders(icon, { https: true });
});

test("issue 8 item 15: without a trusted proxy, a client's X-Forwarded-Proto is not believed", async ({ page, request }) => {
  const https = { "x-forwarded-proto": "https" };
  const overview = await page.request.get("/", { headers: https });
  expectSecurityHeaders(overview, { https: false });
  expect(cspOf(overview)).not.toContain("upgrade-insecure-requests");
  const api = await request.get("/api/v1/summary", { headers: { ...https, authorization: `Bearer ${ADMIN_TOKEN}` } });
  expectSecurityHeaders(api, { https: false });
});

test("API responses carry the headers and a CSP that allows nothing", async ({ request }) => {
  const ok = await request.get("/api/v1/summary", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toMatch(/application\/json/);
  expectSecurityHeaders(ok, { https: false });
  expect(cspOf(ok)).toBe(API_CSP);

  // Errors too: a refused request is still a response.
  const refused = await request.get("/api/v1/servers", { headers: { authorization: "Bearer not-a-token" } });
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  expectSecurityHeaders(refused, { https: false });
  expect(cspOf(refused)).toBe(API_CSP);
});

test("static files carry nosniff and the other headers", async ({ page, request }) => {
  const html = await (await page.request.get("/")).text();
  const chunk = html.match(/\/_next\/static\/[^"'\s]+\.js/)?.[0];
  expect(chunk, "a script chunk in the page").toBeTruthy();
  const js = await request.get(chunk!);
  expect(js.status()).toBe(200);
  expectSecurityHeaders(js, { https: false });

  const css = html.match(/\/_next\/static\/[^"'\s]+\.css/)?.[0];
  expect(css, "a stylesheet in the page").toBeTruthy();
  expectSecurityHeaders(await request.get(css!), { https: false });

  for (const path of ["/icon.svg", "/example-scan.csv"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expectSecurityHeaders(res, { https: false });
  }
});

test("the overview works under the CSP: it hydrates, the chart renders, the theme toggle works", async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);

  // The chart is in the server's HTML; its read-out of a day on focus needs React: Next's scripts ran.
  await expect(page.getByTestId("trend-chart").getByTestId("trend-area")).toHaveCount(5);
  const plot = page.getByTestId("trend-plot");
  await expect(async () => {
    await plot.blur();
    await plot.focus();
    await expect(page.getByTestId("trend-chart").getByText(/^Total:/)).toBeVisible({ timeout: 1_000 });
  }).toPass();

  const theme = page.getByRole("group", { name: "Color theme" });
  const html = page.locator("html");
  await theme.getByRole("button", { name: "Dark theme" }).click();
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(theme.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  await theme.getByRole("button", { name: "Light theme" }).click();
  await expect(html).toHaveClass(/(^|\s)light(\s|$)/);
  await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);

  // The choice survives a reload (the client code runs again under a new nonce).
  await page.reload();
  await expect(theme.getByRole("button", { name: "Light theme" })).toHaveAttribute("aria-pressed", "true");
  await expect(html).toHaveClass(/(^|\s)light(\s|$)/);
  await theme.getByRole("button", { name: "System theme" }).click();
  await expect(html).not.toHaveClass(/(^|\s)(light|dark)(\s|$)/);

  // Client-side navigation loads more chunks ('strict-dynamic' lets Next's runtime load them).
  await page.getByRole("link", { name: /upload/i }).first().click();
  await expect(page).toHaveURL(/\/upload$/);
  await expect(page.locator("input[type=file]")).toBeAttached();

  await expectNoAxeViolations(page);
  expect(await violations()).toEqual([]);

  // The watcher does see violations: injected markup cannot run script (an inline event
  // handler, as an XSS payload would use; code run through page.evaluate itself is exempt).
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.innerHTML = '<img alt="" src="data:," onerror="window.__injected = true">';
    document.body.append(div);
  });
  await expect.poll(async () => (await violations()).some((v) => /script-src/.test(v))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("the 404 page hydrates under the CSP too", async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto("/no-such-page-at-all");
  expect(response?.status()).toBe(404);
  const theme = page.getByRole("group", { name: "Color theme" });
  await theme.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/(^|\s)dark(\s|$)/);
  await theme.getByRole("button", { name: "System theme" }).click();
  expect(await violations()).toEqual([]);
});

test("a large upload still streams through whole (the proxy never touches /api bodies)", async ({ request }) => {
  // Larger than the 10 MB a proxy would buffer and cut the body at.
  const header = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n";
  const row = "E2E Streaming Org,STREAM-01,192.0.2.250,15.1.2176.2,2021-04-30T10:00:00Z,,\n";
  const rows = Math.ceil((12 * 1024 * 1024) / row.length);
  const csv = Buffer.from(header + row.repeat(rows));
  const res = await request.post("/api/v1/scans", {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    multipart: { file: { name: "streaming.csv", mimeType: "text/csv", buffer: csv } },
    timeout: 120_000,
  });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body).slice(0, 500)).toBe(201);
  expectSecurityHeaders(res, { https: false });
  expect(cspOf(res)).toBe(API_CSP);
  // Every row arrived: a body cut at 10 MB would lose about a sixth of them.
  expect(body.import.rows).toBe(rows);
  expect(body.import.accepted + body.import.rejected).toBe(rows);
});
