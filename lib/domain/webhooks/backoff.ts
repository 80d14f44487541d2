// When a failed delivery is tried again: exponential backoff with jitter, so that many deliveries that failed
// together (a receiver down) do not all come back at the same second.

export const MAX_ATTEMPTS = 10;
const BASE_MS = 30_000;
const CAP_MS = 6 * 60 * 60_000;

/** The wait after the `attempts`-th failed attempt (1 = the first): 30 s, 1 min, 2 min, … up to 6 h, less up to a fifth at random. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exact = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exact * (1 - 0.2 * random()));
}

/** After a failed attempt: the time of the next one, or null when it was the last (the delivery has failed). */
export function nextAttemptAt(attempts: number, now: Date, random: () => number = Math.random): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelayMs(attempts, random));
}
