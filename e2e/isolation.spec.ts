// The isolation matrix over HTTP, generated: for each caller limited to one organization, every page and API
// route, asked for other tenants' organizations and servers (by slug, by id, by search) and unscoped, must
// answer 404/403 or show none of their names. The case count is printed.
import type { Browser, BrowserContext } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { apiGet, expect, SIGNED_OUT, test, type Page_ } from "./fixtures";

interface Org {
  slug: string;
  name: string;
}
interface Server {
  id: number;
  hostname: string;
  organization: string;
}

const OWN = { slug: "lakeside-clinic", name: "Lakeside Clinic" };
const LIMITED_TECH = { email: "limited.tech@msp.example", password: "limited technician password" };

// How a name can appear in a page: as is, HTML-escaped, or JSON-escaped in React's payload.
function spellings(word: string): string[] {
  const lower = word.toLowerCase();
  const html = lower.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;");
  const json = lower.replace(/&/g, "\\u0026");
  return [...new Set([lower, html, json])];
}

async function signedIn(browser: Browser, email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in: a one-organization user lands on that organization's page, others on the overview.
  await expect(page.getByRole("banner").getByRole("button", { name: /^Search servers/ })).toBeVisible();
  await page.close();
  return context;
}

test("callers limited to one organization see no trace of any other, on any page or API route", async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  // The owner makes a technician limited to the same organization as the demo's client viewer.
  await page.goto("/admin/users");
  await page.getByLabel("Name", { exact: true }).fill("Limited Tech");
  await page.getByLabel("Email").fill(LIMITED_TECH.email);
  await page.getByLabel("Initial password").fill(LIMITED_TECH.password);
  await page.getByRole("radio", { name: "Technician" }).check();
  await page.getByLabel("Sees every organization").uncheck();
  await page.getByRole("checkbox", { name: OWN.name, exact: true }).check();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "can now sign in" })).toBeVisible();

  const orgs = await apiGet<Page_<Org>>(request, "/api/v1/organizations?pageSize=200");
  const others = orgs.data.filter((o) => o.slug !== OWN.slug);
  const servers = await apiGet<Page_<Server>>(request, "/api/v1/servers?pageSize=200&sort=hostname");
  const foreignServers = servers.data.filter((s) => s.organization !== OWN.slug).slice(0, 5);
  const ownHosts = new Set(servers.data.filter((s) => s.organization === OWN.slug).map((s) => s.hostname.toLowerCase()));
  // Other tenants' words; a hostname shared with an own server (MAIL01 in two clients) is not a leak.
  const forbidden = [...others.map((o) => o.name), ...foreignServers.map((s) => s.hostname).filter((h) => !ownHosts.has(h.toLowerCase()))];

  const viewer = DEMO_ACCOUNTS.find((a) => a.role === "viewer")!;
  const callers = [
    { label: "client viewer", context: await signedIn(browser, viewer.email, viewer.password) },
    { label: "limited technician", context: await signedIn(browser, LIMITED_TECH.email, LIMITED_TECH.password) },
  ];
  const target = others[0];
  const targeted = [
    ...others.slice(0, 5).map((o) => `/organizations/${o.slug}`),
    ...foreignServers.map((s) => `/servers/${s.id}`),
    ...others.slice(0, 3).flatMap((o) => [`/api/v1/summary?organization=${o.slug}`, `/api/v1/servers?organization=${o.slug}`, `/api/v1/trend?organization=${o.slug}`]),
  ];
  const unscoped = [
    "/",
    "/servers",
    "/servers?status=compromised",
    `/servers?q=${encodeURIComponent(foreignServers[0].hostname)}`,
    `/?q=${encodeURIComponent(target.name.split(" ")[0])}`,
    "/upload",
    "/api/v1/summary",
    "/api/v1/organizations?pageSize=200",
    `/api/v1/organizations?q=${encodeURIComponent(target.name.split(" ")[0])}`,
    "/api/v1/servers?pageSize=200",
    `/api/v1/servers?q=${encodeURIComponent(foreignServers[0].hostname)}`,
    "/api/v1/trend",
  ];

  let cases = 0;
  for (const caller of callers) {
    const tab = await caller.context.newPage();
    for (const path of [...targeted, ...unscoped]) {
      cases++;
      const res = await tab.goto(path);
      const status = res?.status() ?? 0;
      if (targeted.includes(path)) expect([403, 404], `${caller.label}: ${path} answered ${status}`).toContain(status);
      else expect(status, `${caller.label}: ${path}`).toBe(200);
      // The whole document, including the serialized data React hydrates from, not only the visible text.
      const html = (await tab.content()).toLowerCase();
      // A search echoes its own words back ("0 servers matching …"): those came from the caller, so the answer
      // must instead have found nothing.
      const asked = decodeURIComponent(path).toLowerCase();
      // One organization is its own overview: "/" (a search of organizations there too) opens its page, by a real
      // redirect before anything streams.
      if (path === "/" || path.startsWith("/?")) expect(new URL(tab.url()).pathname, `${caller.label}: ${path}`).toBe(`/organizations/${OWN.slug}`);
      else if (path.includes("q=")) expect(html, `${caller.label}: ${path} found something`).toMatch(/"total":0|0 servers matching|0 organizations|no organizations/);
      for (const word of forbidden.filter((w) => !asked.includes(w.toLowerCase()))) {
        for (const form of spellings(word)) expect(html, `${caller.label}: ${path} shows "${word}"`).not.toContain(form);
      }
    }
    // Admin pages do not exist for them.
    for (const path of ["/admin/users", "/admin/tokens", "/admin/audit"]) {
      cases++;
      expect((await tab.goto(path))?.status(), `${caller.label}: ${path}`).toBe(404);
    }
    await caller.context.close();
  }
  console.log(`isolation matrix (pages and API over HTTP): ${cases} cases, ${callers.length} callers, ${forbidden.length} foreign names checked in each answer`);
});
