import { describe, expect, it } from "vitest";
import { parseCanonicalCsv } from "./canonical-csv";
import { matchCanonicalHeader } from "./csv-header";
import { HEADER, NOW, chunks, collect, fileErrorOf, row } from "./canonical-csv-test-support";

describe("parseCanonicalCsv: rejected files", () => {
  it("rejects an empty file", async () => {
    for (const empty of ["", "\ufeff", "\n\r\n  \n"]) expect((await fileErrorOf(empty)).code).toBe("empty_file");
    const err = await collect(chunks()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "empty_file" });
  });

  it("rejects a file without the required columns, naming them and what was found", async () => {
    const err = await fileErrorOf("host,build,date\nMAIL01,15.1.2176.9,2021-03-09\n");
    expect(err.code).toBe("no_header");
    expect(err.message).toMatch(/organization, hostname, exchange_build, scanned_at/);
    expect(err.message).toMatch(/Found: "host,build,date"/);
    expect(err.details).toMatchObject({ missing: ["organization", "hostname", "exchange_build", "scanned_at"] });
  });

  it.each([";", "\t"])("rejects a file separated by %j with a hint", async (sep) => {
    const err = await fileErrorOf(`${HEADER.replace(/,/g, sep)}\n${row().replace(/,/g, sep)}\n`);
    expect(err.code).toBe("no_header");
    expect(err.message).toMatch(/separated by commas/);
  });

  it("rejects binary garbage as having no header, with a short printable excerpt", async () => {
    let seed = 7;
    const garbage = Buffer.from(Array.from({ length: 300_000 }, () => (seed = (seed * 48271) % 2147483647) & 0xff));
    for (const bytes of [garbage, Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), garbage])]) {
      const err = await fileErrorOf(bytes);
      expect(err.code).toBe("no_header");
      expect(err.message.length).toBeLessThan(600);
      expect(err.message).not.toMatch(/[\u0000-\u0008]/);
    }
  });

  it("aborts on a record over the size limit, with its line", async () => {
    const text = `${HEADER}\n${row()}\n${row({ ind: "x".repeat(2000) })}\n${row()}\n`;
    const err = await fileErrorOf(text, 1000);
    expect(err.code).toBe("record_too_large");
    expect(err.message).toMatch(/^Line 3:/);
    const big = await fileErrorOf(`${HEADER}\n${row({ ind: `"${"y\n".repeat(600_000)}"` })}\n`);
    expect(big).toMatchObject({ code: "record_too_large", message: expect.stringMatching(/^Line 2:/) });
  });

  it("aborts on a quoted field that is never closed, with the line it starts on", async () => {
    const err = await fileErrorOf(`${HEADER}\n${row()}\n${row({ org: '"Unclosed, Inc' })}\n${row()}\n${row()}\n`);
    expect(err.code).toBe("malformed_csv");
    expect(err.message).toMatch(/^Line 3:.*never closed/);
  });

  it("passes errors of the source through unchanged", async () => {
    const boom = new Error("upload too large");
    async function* source() {
      yield Buffer.from(`${HEADER}\n${row()}\n`);
      throw boom;
    }
    await expect(collect(source())).rejects.toBe(boom);
  });
});

describe("parseCanonicalCsv: streaming", () => {
  it("yields rows before the source ends and stops reading when the consumer stops", async () => {
    let pulled = 0;
    let finished = false;
    async function* endless() {
      try {
        yield `${HEADER}\n`;
        for (;;) {
          pulled++;
          yield `${row()}\n`.repeat(100);
        }
      } finally {
        finished = true;
      }
    }
    let seen = 0;
    for await (const rec of parseCanonicalCsv(endless(), { now: NOW })) {
      expect("row" in rec).toBe(true);
      if (++seen === 5000) break;
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(pulled).toBeLessThan(200);
    expect(finished).toBe(true);
  });
});

describe("matchCanonicalHeader", () => {
  it("maps canonical column names to indexes, first occurrence winning", () => {
    expect(matchCanonicalHeader(["x", "Organization", "HOST_NAME", "exchange build", "Scanned-At", "hostname"])).toEqual({
      ok: true,
      columns: { organization: 1, hostname: 2, exchange_build: 3, scanned_at: 4 },
    });
  });

  it("lists the missing required columns", () => {
    expect(matchCanonicalHeader(["organization", "ip_address"])).toEqual({ ok: false, missing: ["hostname", "exchange_build", "scanned_at"] });
  });
});
