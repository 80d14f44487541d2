// The import worker thread's entry (see import-queue.ts): a worker thread does not take the tsx loader from
// --import for its own entry file on Node 20, so this plain module registers tsx in the thread, then loads the
// TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./import-thread.ts");
