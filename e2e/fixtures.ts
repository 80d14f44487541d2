import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export const ADMIN_TOKEN = "e2e-admin-token-0123456789abcdefghijklmnopqrstuv";
/** Browser state of the demo owner, written by auth.setup.ts; specs run signed in as them unless they say otherwise. */
export const SIGNED_IN_AS_OWNER = "e2e/.auth/owner.json";
/** For specs that must start signed out. */
export const SIGNED_OUT = { cookies: [], origins: [] };
export const STATUSES = ["patched", "unpatched", "mitigated", "compromised", "unknown"] as const;
export type Status = (typeof STATUSES)[number];

export interface Summary {
  servers: number;
  organizations: number;
  statuses: Record<Status, number>;
}

export interface Page_<T> {
  data: T[];
  total: number;
}

export async function apiGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(res.status(), `${path} answered ${res.status()}`).toBe(200);
  return (await res.json()) as T;
}

/** The count on a status card, matched as a whole number ("12 servers" must not match 2; the share follows it directly). */
export function cardCount(n: number): RegExp {
  return new RegExp(`(^|\\D)${n.toLocaleString("en-US")} servers?(?![a-z])`);
}

export async function expectCardsToMatch(page: Page, summary: Summary) {
  for (const s of STATUSES) await expect(page.getByTestId(`status-card-${s}`)).toContainText(cardCount(summary.statuses[s]));
}

export async function expectNoAxeViolations(page: Page) {
  // Read the page as a visitor sees it once it has settled: its heading shown (the page streamed in), and no colors
  // in mid-transition (a theme switched a moment ago fades over 150 ms, and a color half-way fails the contrast rule).
  // getAnimations() brings styles up to date first, so a transition a change has just started is among them.
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.evaluate(() =>
    Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
  expect(found).toEqual([]);
}

export const test = base;
export { expect };
