// A port in [from, from + 100) that nothing listens on, for a test that starts the real server: each test file has a
// range of its own, and other checkouts' servers use 3000-3200.
import { createServer } from "node:net";

// The Fetch standard's "bad ports": fetch() refuses them ("bad port") whatever listens there, and 3659 falls in a
// test file's range, so a test that drew it failed before it reached the server.
const FETCH_BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111,
  113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548,
  554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566,
  6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

export async function freePort(from: number, first = process.pid % 100): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const candidate = from + ((first + i) % 100);
    if (FETCH_BAD_PORTS.has(candidate)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once("error", () => resolve(false));
      probe.listen(candidate, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return candidate;
  }
  throw new Error(`no free port in ${from}-${from + 99}`);
}
