import { AsyncLocalStorage } from "node:async_hooks";
import { LRUCache } from "lru-cache";
import type { Access } from "../domain/access";
import { committedVersion } from "./sql-session";

// The fleet's figures (the summary, the trend, the servers and organizations lists, time to patch, an API token's row)
// read once per commit instead of once per request: dozens of people and scripts reading the same fleet while imports
// land (issue 12's soak: 50 readers beside 20 uploaders) otherwise spend the server's CPU computing the same answer
// again. An entry holds while nothing was committed since it was read (committedVersion: by any connection or
// process, so it is exact behind a load balancer too), and within the same UTC day for at most MAX_AGE_MS, since a few
// fields count from the clock (a server's days exposed count by the day; a scan goes stale past a threshold of days,
// at most that much late here).
// Concurrent readers of a missing entry share the one read in flight.

const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 500;

interface Entry {
  version: string;
  at: number;
  day: string;
  value: Promise<unknown>;
}

const cache = ((globalThis as { patchboardReadCache?: LRUCache<string, Entry> }).patchboardReadCache ??= new LRUCache<string, Entry>({ max: MAX_ENTRIES }));

// A read-only request's token of what was committed, taken once when it first reads: its token check and its reads
// then cost PostgreSQL one round trip, not one each. Its answers are as new as the request, at least.
const requestVersion = new AsyncLocalStorage<{ version?: Promise<string> }>();

/** Runs a request that writes nothing with one committed version for all its cached reads. */
export function withReadOnlyRequest<T>(fn: () => Promise<T>): Promise<T> {
  return requestVersion.run({}, fn);
}

function currentVersion(): Promise<string> {
  const request = requestVersion.getStore();
  return request ? (request.version ??= committedVersion()) : committedVersion();
}

// PATCHBOARD_READ_CACHE=0 turns it off: the bench's read figures measure the reads themselves.
const enabled = () => process.env.PATCHBOARD_READ_CACHE !== "0";

/** The part of a caller that decides what a read returns: its role and the organizations it may see. */
function scopeKey(access: Access): string {
  return `${access.role}:${access.organizationIds ? [...access.organizationIds].sort((a, b) => a - b).join(",") : "*"}`;
}

// An answer is shared by every caller until the next commit: frozen, so that a caller changing it fails loudly (every
// module is strict) instead of changing what the next one reads. Cheaper than a copy per caller (a trend is thousands
// of numbers).
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** compute()'s answer for `key`, from the cache while nothing was committed since it was read (frozen). */
export async function cachedValue<T>(key: string, compute: () => Promise<T>): Promise<T> {
  if (!enabled()) return compute();
  const version = await currentVersion();
  const now = Date.now();
  const day = new Date(now).toISOString().slice(0, 10);
  const hit = cache.get(key);
  if (hit && hit.version === version && hit.day === day && now >= hit.at && now - hit.at < MAX_AGE_MS) return hit.value as Promise<T>;
  const value = compute().then(deepFreeze);
  cache.set(key, { version, at: now, day, value });
  // A failed read is not kept: the next caller tries again.
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

/** A data-layer read cached per kind of read, caller's scope and arguments. */
export function cachedRead<T>(name: string, access: Access, args: unknown, compute: () => Promise<T>): Promise<T> {
  return cachedValue(`${name}\u0000${scopeKey(access)}\u0000${JSON.stringify(args ?? null)}`, compute);
}
