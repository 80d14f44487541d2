// A port in [from, from + 100) that nothing listens on, for a test that starts the real server: each test file has a
// range of its own, and other checkouts' servers use 3000-3200.
import { createServer } from "node:net";

export async function freePort(from: number): Promise<number> {
  const first = process.pid % 100;
  for (let i = 0; i < 100; i++) {
    const candidate = from + ((first + i) % 100);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once("error", () => resolve(false));
      probe.listen(candidate, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return candidate;
  }
  throw new Error(`no free port in ${from}-${from + 99}`);
}
