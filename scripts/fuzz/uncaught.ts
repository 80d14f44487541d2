// Errors thrown outside any input's promise (a library's callback, an error event nobody listens to) would end a
// server process: the fuzz runner catches them, and the input running when one is seen fails with it.
import { FuzzFailure } from "./outcome";

let caught: unknown = null;
let listening = false;

/** Starts listening (once per process). */
export function catchUncaught(): void {
  if (listening) return;
  listening = true;
  process.on("uncaughtException", (err) => (caught ??= err));
  process.on("unhandledRejection", (err) => (caught ??= err));
}

/** Lets callbacks queued by the input run, then fails if one of them threw. */
export async function checkUncaught(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  if (caught === null) return;
  const err = caught as Error;
  caught = null;
  throw new FuzzFailure("crash", `an error was thrown outside the request: ${err?.message ?? String(err)}`, err?.stack);
}
