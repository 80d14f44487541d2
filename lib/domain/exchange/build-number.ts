// Exchange build numbers as text and as numbers. Pure string handling, no data: the build tables import this.

export interface ParsedBuild {
  major: number;
  minor: number;
  build: number;
  // Null for a three-part build (version probes often expose only three parts).
  revision: number | null;
  // Normalised: no whitespace, no leading zeros ("15.01.2176.009" -> "15.1.2176.9").
  text: string;
}

// No Exchange build part comes near this; larger values are typos or garbage, not builds.
const MAX_PART = 99999;
// Leading zeros are accepted because Microsoft's "long format" pads parts (15.01.2176.009).
const BUILD_PATTERN = /^(\d+)\.(\d+)\.(\d+)(?:\.(\d+))?$/;

export function parseBuild(text: string): ParsedBuild | null {
  if (typeof text !== "string") return null;
  const match = BUILD_PATTERN.exec(text.trim());
  if (!match) return null;
  const [major, minor, build] = [match[1], match[2], match[3]].map(Number);
  const revision = match[4] === undefined ? null : Number(match[4]);
  if ([major, minor, build, revision ?? 0].some((part) => part > MAX_PART)) return null;
  const parts = revision === null ? [major, minor, build] : [major, minor, build, revision];
  return { major, minor, build, revision, text: parts.join(".") };
}

// A build as it is stored and shown: the long form (15.01.2176.009) and stray spaces read as the same build
// (15.1.2176.9). Text that is not a build is kept as written (trimmed), so the verdict can quote it.
export function normalizeBuild(text: string | null): string | null {
  if (text === null) return null;
  let normal = normalized.get(text);
  if (normal === undefined) {
    const trimmed = text.trim();
    normal = trimmed === "" ? null : (parseBuild(trimmed)?.text ?? trimmed);
    if (normalized.size >= MAX_NORMALIZED) normalized.clear();
    if (text.length <= MAX_CACHED_LENGTH) normalized.set(text, normal);
  }
  return normal;
}

// A fleet has few distinct builds, and the status engine normalises each server's on every evaluation.
const normalized = new Map<string, string | null>();
const MAX_NORMALIZED = 4096;
const MAX_CACHED_LENGTH = 64;

// Orders builds part by part. A missing revision sorts like revision 0, so callers that need to know
// whether the revision matters must check `revision === null` themselves.
export function compareBuilds(a: ParsedBuild, b: ParsedBuild): number {
  return (
    a.major - b.major || a.minor - b.minor || a.build - b.build || (a.revision ?? 0) - (b.revision ?? 0)
  );
}

// For builds that come from the data tables, where a build that does not parse is a defect, not input.
export function mustParseBuild(text: string): ParsedBuild {
  const parsed = parseBuild(text);
  if (!parsed || parsed.revision === null) throw new Error(`Invalid build in the Exchange data: ${text}`);
  return parsed;
}
