import { DAY, utc } from "./time";

// mulberry32: small, fast and good enough to make demo data look random while staying reproducible.
export function makeRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const weighted = <T extends readonly unknown[]>(items: readonly T[], weightAt: number): T => {
    let r = next() * items.reduce((sum, item) => sum + (item[weightAt] as number), 0);
    for (const item of items) if ((r -= item[weightAt] as number) < 0) return item;
    return items[items.length - 1];
  };
  // A moment between two days (inclusive), in working hours or in the evening's maintenance window.
  const between = (from: string, to: string, hours: [number, number] = [7, 19]) =>
    utc(from) + int(0, (utc(to) - utc(from)) / DAY) * DAY + int(hours[0] * 60, hours[1] * 60 - 1) * 60_000;
  return { next, int, pick, weighted, between, chance: (p: number) => next() < p };
}
export type Rng = ReturnType<typeof makeRng>;
