import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "./fixtures";
import { PORT } from "./ports";

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// Node's client, not Playwright's: its responses are the bytes as sent, never decoded on the way.
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: PORT, path, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The static files the sign-in page names: its scripts and its style sheet. */
async function staticAssets(): Promise<string[]> {
  const page = await get("/sign-in", { "accept-encoding": "identity" });
  expect(page.status).toBe(200);
  const found = [...page.body.toString("utf8").matchAll(/(?:src|href)="(\/_next\/static\/[^"?]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(found)];
}

test("static chunks come in brotli to a browser that accepts it, in gzip to one that does not, and decode to the same bytes", async () => {
  const assets = await staticAssets();
  expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
  expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
  for (const path of assets) {
    const plain = await get(path, { "accept-encoding": "identity" });
    expect(plain.status, path).toBe(200);
    expect(plain.headers["content-encoding"], path).toBeUndefined();

    const br = await get(path, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.status, path).toBe(200);
    expect(br.headers["content-encoding"], path).toBe("br");
    expect(br.headers.vary, path).toMatch(/accept-encoding/i);
    expect(br.headers["cache-control"], path).toBe("public, max-age=31536000, immutable");
    expect(br.headers["content-type"], path).toBe(path.endsWith(".js") ? "application/javascript; charset=UTF-8" : "text/css; charset=UTF-8");
    expect(br.headers["x-content-type-options"], path).toBe("nosniff");
    expect(Number(br.headers["content-length"]), path).toBe(br.body.length);
    expect(br.body.length, `${path} is smaller in brotli`).toBeLessThan(plain.body.length);
    expect(brotliDecompressSync(br.body).equals(plain.body), `${path} decodes to the same bytes`).toBe(true);

    const gzip = await get(path, { "accept-encoding": "gzip, br;q=0" });
    expect(gzip.headers["content-encoding"], path).toBe("gzip");
    expect(gzip.headers.vary, path).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzip.body).equals(plain.body), `${path} gunzips to the same bytes`).toBe(true);
  }
});

test("a brotli asset is revalidated by its ETag, and HEAD sends its headers only", async () => {
  const [path] = (await staticAssets()).filter((a) => a.endsWith(".js"));
  const first = await get(path, { "accept-encoding": "br" });
  const etag = first.headers.etag;
  expect(etag).toBeTruthy();
  const again = await get(path, { "accept-encoding": "br", "if-none-match": etag! });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  // A gzip client's copy is another variant: the brotli ETag does not match it.
  expect((await get(path, { "accept-encoding": "gzip", "if-none-match": etag! })).status).toBe(200);

  const head = await get(path, { "accept-encoding": "br" }, "HEAD");
  expect(head.status).toBe(200);
  expect(head.headers["content-encoding"]).toBe("br");
  expect(Number(head.headers["content-length"])).toBe(first.body.length);
  expect(head.body.length).toBe(0);
});

test("only files inside the static folder are sent this way", async () => {
  for (const path of ["/_next/static/../../package.json", "/_next/static/%2e%2e/%2e%2e/package.json", "/_next/static/chunks/missing.js"]) {
    const res = await get(path, { "accept-encoding": "br" });
    expect(res.status, path).not.toBe(200);
    expect(res.headers["content-encoding"], path).not.toBe("br");
  }
});
