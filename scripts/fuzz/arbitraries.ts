// fast-check arbitraries of fuzz recipes, per target: real samples mutated (byte flips, inserted and deleted bytes,
// lines and columns duplicated or dropped, delimiters swapped, quotes left open), truncated at every kind of point,
// huge fields, wrong encodings and random bytes; for Test-ProxyLogon also files dropped, repeated and renamed, and
// for its zip, archives built to mislead. Every number shrinks towards the sample itself.
import fc from "fast-check";
import { ENCODINGS, type Reencode } from "./encodings";
import { GENERIC_HUGE, JSON_HUGE, XML_HUGE, type Huge, type HugeKind } from "./huge";
import { CUT_AFTER, TOKENS, type Mutation, type Sep } from "./mutations";
import type { Edit, FileOp, RandomBytes, Recipe, UploadChoice } from "./recipe";
import { target, type TargetId } from "./samples";
import type { ZipTrick } from "./zip-tricks";

const position = fc.nat();
const small = fc.nat({ max: 64 });
const sep: fc.Arbitrary<Sep> = fc.constantFrom(",", ";", "\t", "|");

const truncate: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant("truncate" as const),
  at: position,
  after: fc.option(fc.constantFrom(...CUT_AFTER), { freq: 3, nil: null }),
});

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("flip" as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      at: position,
      bytes: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS) }, fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 })),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 256 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("dup-line" as const), line: small }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("drop-line" as const), line: small }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swap-lines" as const), a: small, b: small }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("dup-column" as const), column: small, sep }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("drop-column" as const), column: small, sep }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("swap-delimiter" as const), from: sep, to: sep }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("open-quote" as const), line: small, column: small, sep }) },
  { weight: 3, arbitrary: truncate },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace-value" as const), at: position, value: fc.nat() }) },
);

const reencoding: fc.Arbitrary<Reencode> = fc.record({
  kind: fc.constant("encode" as const),
  as: fc.constantFrom(...ENCODINGS),
  at: position,
  step: fc.integer({ min: 1, max: 64 }),
});

const randomBytes: fc.Arbitrary<RandomBytes> = fc.record({
  kind: fc.constant("random" as const),
  keep: fc.oneof(fc.constant(0), position),
  bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4096 }),
});

function huge(kinds: readonly HugeKind[]): fc.Arbitrary<Huge> {
  return fc.record({ kind: fc.constant("huge" as const), what: fc.constantFrom(...kinds), line: small });
}

function hugeKinds(id: TargetId): readonly HugeKind[] {
  if (id === "nmap-xml") return [...GENERIC_HUGE, ...XML_HUGE];
  if (id === "health-checker") return [...GENERIC_HUGE, ...JSON_HUGE];
  return GENERIC_HUGE;
}

function edit(id: TargetId, weights: RecipeWeights): fc.Arbitrary<Edit> {
  return fc.record({
    file: fc.nat({ max: 7 }),
    edit: fc.oneof(
      { weight: 80, arbitrary: mutation },
      { weight: 10, arbitrary: reencoding },
      { weight: weights.huge, arbitrary: huge(hugeKinds(id)) },
      { weight: 3, arbitrary: randomBytes },
    ),
  });
}

// Names of other Test-ProxyLogon files, of other servers, in folders, of other tools, and not names at all.
const FILE_NAMES = [
  "EXCH01-Cve-2021-26855.csv", "EXCH01-Cve-2021-26857.csv", "EXCH01-Cve-2021-26858.log", "EXCH01-Cve-2021-27065.log",
  "EXCH01-Cve-2021-27065-ResetVDir.csv", "EXCH01-Cve-2021-26858-DownloadPaths.log", "EXCH01-other.csv", "EXCH01-LogAgeDays.csv",
  "EXCH02-cve-2021-26855.CSV", "out/EXCH03-other.csv", "C:\\out\\EXCH01-LogAgeDays.csv", "-other.csv", "EXCH01-other.csv.zip",
  `${"X".repeat(300)}-other.csv`, "report.csv", "HealthChecker-VulnerabilityReport-20210309101502.json", "",
  "HealthChecker-VulnerabilityReport-99991231235959.json", "HealthChecker-VulnerabilityReport-00000101000000.json",
  "HealthChecker-VulnerabilityReport-20210230250000.json", "scan\u0000.csv", "EXCH01\n-other.csv", `${"n".repeat(600)}.csv`, "../../etc/passwd",
];

const dupFile: fc.Arbitrary<FileOp> = fc.record({ kind: fc.constant("dup-file" as const), file: small });
const rename: fc.Arbitrary<FileOp> = fc.record({
  kind: fc.constant("rename" as const),
  file: small,
  name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FILE_NAMES) }, fc.string({ maxLength: 40 })),
});
const fileOp: fc.Arbitrary<FileOp> = fc.oneof(fc.record({ kind: fc.constant("drop-file" as const), file: small }), dupFile, rename);

const zipTrick: fc.Arbitrary<ZipTrick> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "stored" as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("lying-size" as const), entry: small, delta: fc.integer({ min: -64, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("declared-huge" as const), entry: small }) },
  { weight: 1, arbitrary: fc.constant({ kind: "bomb" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "many-entries" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "nested" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "folders" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("stray" as const), name: fc.constantFrom(...FILE_NAMES) }) },
);

// Shrinks towards a dry run through detection, as a raw body with the options the format needs.
const upload: fc.Arbitrary<UploadChoice> = fc.record({
  dryRun: fc.nat({ max: 19 }).map((n) => n !== 19),
  explicitFormat: fc.nat({ max: 3 }).map((n) => n === 3),
  multipart: fc.nat({ max: 3 }).map((n) => n === 3),
  ndjson: fc.nat({ max: 9 }).map((n) => n === 9),
  organization: fc.nat({ max: 9 }).map((n) => n !== 9),
  organizationName: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, fc.nat()),
  scannedAt: fc.nat({ max: 4 }).map((n) => n === 4),
  octetStream: fc.nat({ max: 4 }).map((n) => n === 4),
});

export interface RecipeWeights {
  /** weight of a huge edit among the others (80 mutations, 10 encodings, 3 random): 2 makes ~6% of inputs huge */
  huge: number;
  /** a dry run unless a real import is drawn; false: every input a dry run */
  realImports: boolean;
}

export const DEFAULT_WEIGHTS: RecipeWeights = { huge: 2, realImports: true };

export function recipeOf(id: TargetId, weights: RecipeWeights = DEFAULT_WEIGHTS): fc.Arbitrary<Recipe> {
  const t = target(id);
  const several = t.format === "test-proxylogon";
  return fc.record({
    target: fc.constant(id),
    sample: fc.nat({ max: t.samples.length - 1 }),
    // A run's files dropped, repeated or renamed; one file renamed or sent twice (two imports in one upload) now and then.
    fileOps: several
      ? fc.array(fileOp, { maxLength: 3 })
      : fc.oneof({ weight: 4, arbitrary: fc.constant<FileOp[]>([]) }, fc.oneof(dupFile, rename).map((op) => [op])),
    edits: fc.array(edit(id, weights), { maxLength: 5 }),
    zipTricks: t.zip ? fc.array(zipTrick, { maxLength: 2 }) : fc.constant([]),
    // Most archives intact, so their files reach the parser; a quarter with their bytes mutated or cut.
    zipEdits: t.zip
      ? fc.oneof({ weight: 3, arbitrary: fc.constant<Mutation[]>([]) }, fc.array(fc.oneof({ weight: 3, arbitrary: mutation }, truncate), { minLength: 1, maxLength: 2 }))
      : fc.constant([]),
    chunk: fc.constantFrom(65_536, 1, 2, 3, 7, 64, 1000, 4096),
    upload: weights.realImports ? upload : upload.map((u) => ({ ...u, dryRun: true })),
  });
}
