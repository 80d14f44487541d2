import { describe, expect, it } from "vitest";
import { freePort } from "./free-port";

const causeOf = (url: string) => fetch(url).then(() => "answered", (error: Error) => String(error.cause));

describe("freePort", () => {
  it("passes over the ports fetch() refuses: a draw that starts at 3659 answers another port", async () => {
    const port = await freePort(3600, 59);
    expect(port).toBeGreaterThanOrEqual(3600);
    expect(port).toBeLessThan(3700);
    // fetch() refuses 3659 before it connects; the port drawn instead is one it calls (nothing listens: refused).
    expect(await causeOf("http://127.0.0.1:3659/")).toMatch(/bad port/);
    expect(await causeOf(`http://127.0.0.1:${port}/`)).not.toMatch(/bad port/);
  });
});
