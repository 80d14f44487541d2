import { test as base, expect, type APIRequestContext } from "@playwright/test";

export const ADMIN_TOKEN = "e2e-admin-token-0123456789";

export interface Summary {
  servers: number;
  organizations: number;
  statuses: Record<"patched" | "unpatched" | "mitigated" | "compromised" | "unknown", number>;
}

export async function apiGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(res.status(), `${path} answered ${res.status()}`).toBe(200);
  return (await res.json()) as T;
}

export const test = base;
export { expect };
