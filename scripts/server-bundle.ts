// The production server's own code (scripts/serve.ts and the import worker thread, lib/data/imports/import-thread.ts)
// compiled ahead of time into two plain JavaScript files, which `npm start` and the benchmark run with node alone.
// Why not tsx as the loader, as before: the loader and its compiled-module cache stayed in memory for the process's
// life, in the server (an idle server took 216 MB with it and 128 MB without) and again in each import thread.
// Packages stay outside the bundle (node resolves them at run time, as it did under tsx); only this project's
// TypeScript is compiled. esbuild is the compiler tsx itself uses. Bundling takes a fraction of a second, so it is
// done at every start and is never stale.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, stop } from "esbuild";

export const BUNDLE_DIR = join(".next", "patchboard");
export const SERVER_BUNDLE = join(BUNDLE_DIR, "serve.mjs");
/** Relative to the project's root, as the import worker resolves it (import-queue.ts). */
export const THREAD_BUNDLE = join(BUNDLE_DIR, "import-thread.mjs");

/** Compiles both entries into BUNDLE_DIR; returns the server's file. */
export async function bundleServer(): Promise<string> {
  const result = await build({
    entryPoints: { serve: "scripts/serve.ts", "import-thread": "lib/data/imports/import-thread.ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // The server's import worker starts its thread from the compiled file (import-queue.ts reads this name).
    define: { PATCHBOARD_THREAD_BUNDLE: JSON.stringify(THREAD_BUNDLE) },
    outdir: BUNDLE_DIR,
    outExtension: { ".js": ".mjs" },
    write: false,
    logLevel: "error",
  });
  // esbuild compiles in a child process of its own, which would otherwise stay beside the server for its life.
  await stop();
  mkdirSync(BUNDLE_DIR, { recursive: true });
  // Written whole and renamed into place: another process starting from the same directory (several app processes
  // on one host) reads either the old file or the new one, never half of one.
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return SERVER_BUNDLE;
}
