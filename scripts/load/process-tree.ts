// A process and everything it started, from /proc (Linux): the crash test SIGKILLs an app's whole tree at once, as a
// power cut or the OOM killer would, so no process of it can roll anything back or finish a write.
import { readdirSync, readFileSync } from "node:fs";

export function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      // After "comm) ": state is field 0, the parent's pid field 1.
      const ppid = Number(readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** SIGKILLs `root` and every descendant, found first so that none is re-parented away before its turn. */
export function killTree(root: number): number[] {
  const pids = treePids(root);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
  return pids;
}
