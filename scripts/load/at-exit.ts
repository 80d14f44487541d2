// What a fault script started must not outlive it, even when it is interrupted (Ctrl+C, a CI timeout's SIGTERM),
// where its finally blocks never run: each cleanup registered here runs then, synchronously, before it exits.
const cleanups = new Set<() => void>();

function runAll(code: number): never {
  for (const fn of [...cleanups].reverse()) {
    try {
      fn();
    } catch {
      /* best effort: the next one still runs */
    }
  }
  process.exit(code);
}

let installed = false;

/** Registers `fn`; call the returned function once it has been cleaned up the ordinary way. */
export function atExit(fn: () => void): () => void {
  if (!installed) {
    installed = true;
    process.once("SIGINT", () => runAll(130));
    process.once("SIGTERM", () => runAll(143));
  }
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}
