// Keyset ("seek") paging over a Prisma order: the next page is the rows after the last one's sort key, so reading
// a whole list costs one index range per page instead of an OFFSET that re-reads every earlier row. Pure: it builds
// Prisma filters, it does not query (keyset.ts runs the pages).

type Direction = "asc" | "desc";
type Leaf = Direction | { sort: Direction; nulls?: "first" | "last" };
/** A Prisma orderBy entry: one field, nested through to-one relations, e.g. { server: { organization: { nameKey: "asc" } } }. */
export type OrderEntry = { [field: string]: Leaf | OrderEntry };
export type Filter = Record<string, unknown>;

export interface KeyPart {
  /** the field's path from the model, e.g. ["server", "organization", "nameKey"] */
  path: string[];
  dir: Direction;
  /** the column may be null: where nulls sort decides what comes after */
  nullable: boolean;
  /** nulls come after every value in this part's direction */
  nullsAfter: boolean;
}

function isLeaf(value: Leaf | OrderEntry): value is Leaf {
  return value === "asc" || value === "desc" || (typeof value === "object" && "sort" in value && typeof value.sort === "string");
}

/**
 * The order's columns. `nullable` lists the dot-joined paths that may be null; `nullsLargest` is the database's
 * default (PostgreSQL sorts nulls as larger than any value, SQLite as smaller), overridden by an explicit `nulls`.
 */
export function keyParts(orderBy: OrderEntry[], nullable: readonly string[], nullsLargest: boolean): KeyPart[] {
  return orderBy.map((entry) => {
    const path: string[] = [];
    let node: Leaf | OrderEntry = entry;
    while (!isLeaf(node)) {
      const keys: string[] = Object.keys(node);
      if (keys.length !== 1) throw new Error(`keyset: one field per orderBy entry, got ${keys.join(", ") || "none"}`);
      path.push(keys[0]);
      node = node[keys[0]];
    }
    const dir = typeof node === "string" ? node : node.sort;
    const explicit = typeof node === "string" ? undefined : node.nulls;
    const nullsAfter = explicit ? explicit === "last" : nullsLargest === (dir === "asc");
    return { path, dir, nullable: nullable.includes(path.join(".")), nullsAfter };
  });
}

/** Nests a filter on the field at the end of `path`: ["server", "build"], {gt: 1} → { server: { build: { gt: 1 } } }. */
function at(path: string[], condition: unknown): Filter {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), condition) as Filter;
}

/** The value of the field at `path` in a row read with keysetSelect. */
export function valueAt(row: unknown, path: string[]): unknown {
  let value: unknown = row;
  for (const key of path) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
  if (value === undefined) throw new Error(`keyset: the row lacks ${path.join(".")}`);
  return value;
}

/** Rows whose value in this part comes strictly after `value`; null when none can. */
function after(part: KeyPart, value: unknown): Filter | null {
  const op = part.dir === "asc" ? "gt" : "lt";
  if (value === null) return part.nullsAfter ? null : at(part.path, { not: null });
  const beyond = at(part.path, { [op]: value });
  return part.nullable && part.nullsAfter ? { OR: [beyond, at(part.path, null)] } : beyond;
}

function equal(part: KeyPart, value: unknown): Filter {
  return at(part.path, value === null ? null : { equals: value });
}

/**
 * The rows after `last` in the order, as a list of filters whose results, concatenated in turn, continue the list:
 * for an order (a, b, id), first a = x AND b = y AND id > z, then a = x AND b > y, then a > x. Each is an equality
 * on a prefix of the order and a range on the next column, so an index on the order reads exactly the rows it
 * returns (one filter with ORs would have the database walk every earlier row of the same a).
 */
export function keysetLevels(parts: KeyPart[], last: unknown): Filter[] {
  const values = parts.map((p) => valueAt(last, p.path));
  const levels: Filter[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const beyond = after(parts[i], values[i]);
    if (!beyond) continue;
    const tied = parts.slice(0, i).map((p, j) => equal(p, values[j]));
    levels.push(tied.length ? { AND: [...tied, beyond] } : beyond);
  }
  return levels;
}

/** A Prisma select of every order column (merged into the caller's select), so each row carries its key. */
export function keysetSelect(parts: KeyPart[], select: Filter): Filter {
  const merged: Filter = structuredClone(select);
  for (const part of parts) {
    let node = merged;
    part.path.forEach((key, i) => {
      if (i === part.path.length - 1) {
        if (node[key] === undefined) node[key] = true;
        return;
      }
      const existing = node[key];
      const child = existing && typeof existing === "object" ? (existing as Filter) : { select: {} };
      if (!child.select) child.select = {};
      node[key] = child;
      node = child.select as Filter;
    });
  }
  return merged;
}
