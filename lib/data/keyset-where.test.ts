import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyParts, keysetLevels, keysetSelect, type Filter, type OrderEntry } from "./keyset-where";

// A tiny evaluator of the Prisma filters keysetAfter builds, over plain rows, to check them against a sort.
function matches(row: Record<string, unknown>, filter: Filter): boolean {
  return Object.entries(filter).every(([key, cond]) => {
    if (key === "AND") return (cond as Filter[]).every((f) => matches(row, f));
    if (key === "OR") return (cond as Filter[]).some((f) => matches(row, f));
    const value = row[key];
    if (cond === null) return value === null;
    const c = cond as Record<string, unknown>;
    if ("not" in c) return value !== null;
    if ("equals" in c) return value === c.equals;
    if (value === null) return false;
    const v = value as number;
    if ("gt" in c) return v > (c.gt as number);
    if ("gte" in c) return v >= (c.gte as number);
    if ("lt" in c) return v < (c.lt as number);
    if ("lte" in c) return v <= (c.lte as number);
    // A nested relation filter.
    return matches(value as Record<string, unknown>, cond as Filter);
  });
}

function compare(a: number | null, b: number | null, desc: boolean, nullsLargest: boolean): number {
  if (a === b) return 0;
  if (a === null) return (nullsLargest ? 1 : -1) * (desc ? -1 : 1);
  if (b === null) return (nullsLargest ? -1 : 1) * (desc ? -1 : 1);
  return (a - b) * (desc ? -1 : 1);
}

describe("keysetLevels", () => {
  it("pages through any order, nulls and ties included, exactly as the database sorts", () => {
    const row = fc.record({ a: fc.option(fc.integer({ min: 0, max: 3 })), b: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), fc.boolean(), fc.boolean(), (raw, descA, descB, nullsLargest) => {
        const rows = raw.map((r, id) => ({ ...r, id }));
        const order: OrderEntry[] = [{ a: descA ? "desc" : "asc" }, { b: descB ? "desc" : "asc" }, { id: "asc" }];
        const sorted = [...rows].sort((x, y) => compare(x.a, y.a, descA, nullsLargest) || compare(x.b, y.b, descB, false) || x.id - y.id);
        const parts = keyParts(order, ["a"], nullsLargest);
        sorted.forEach((last, i) => {
          // Each level's rows in the database's order, the levels one after the other.
          const after = keysetLevels(parts, last).flatMap((level) => sorted.filter((r) => matches(r, level)));
          expect(after.map((r) => r.id)).toEqual(sorted.slice(i + 1).map((r) => r.id));
        });
      }),
    );
  });
  it("follows an explicit nulls position and nested relations", () => {
    const parts = keyParts([{ server: { lastScanAt: { sort: "desc", nulls: "last" } } }, { serverId: "asc" }], ["server.lastScanAt"], false);
    expect(parts[0]).toMatchObject({ path: ["server", "lastScanAt"], dir: "desc", nullable: true, nullsAfter: true });
    const when = new Date("2021-03-03T00:00:00Z");
    expect(keysetLevels(parts, { server: { lastScanAt: when }, serverId: 7 })).toEqual([
      { AND: [{ server: { lastScanAt: { equals: when } } }, { serverId: { gt: 7 } }] },
      { OR: [{ server: { lastScanAt: { lt: when } } }, { server: { lastScanAt: null } }] },
    ]);
    // Nothing comes after the nulls placed last but the ties among them.
    expect(keysetLevels(parts, { server: { lastScanAt: null }, serverId: 7 })).toEqual([{ AND: [{ server: { lastScanAt: null } }, { serverId: { gt: 7 } }] }]);
  });
  it("gives each level an equal prefix and one range, the longest prefix first", () => {
    const parts = keyParts([{ severity: "asc" }, { hostnameKey: "asc" }, { serverId: "asc" }], [], true);
    expect(keysetLevels(parts, { severity: 2, hostnameKey: "ex1", serverId: 3 })).toEqual([
      { AND: [{ severity: { equals: 2 } }, { hostnameKey: { equals: "ex1" } }, { serverId: { gt: 3 } }] },
      { AND: [{ severity: { equals: 2 } }, { hostnameKey: { gt: "ex1" } }] },
      { severity: { gt: 2 } },
    ]);
  });
});

describe("keysetSelect", () => {
  it("adds the order's columns to the caller's select, through relations", () => {
    const parts = keyParts([{ server: { organization: { nameKey: "asc" } } }, { hostnameKey: "asc" }, { serverId: "asc" }], [], false);
    expect(keysetSelect(parts, { serverId: true, status: true })).toEqual({
      serverId: true,
      status: true,
      hostnameKey: true,
      server: { select: { organization: { select: { nameKey: true } } } },
    });
  });
});
