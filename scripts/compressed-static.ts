// Sends the build's static assets (/_next/static/*) from the compressed copies scripts/precompress.ts wrote at
// build time: brotli to the clients that accept it, else gzip. Anything else, or a file without a copy, or a client
// that accepts neither, is left to Next (which serves the file as it is).
import { createReadStream, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { securityHeaders } from "../lib/security/headers";
import { ENCODED_SUFFIX, STATIC_DIR } from "./precompress";

export type Encoding = keyof typeof ENCODED_SUFFIX;

const PREFIX = "/_next/static/";
// What Next sends for these files.
const CONTENT_TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".json": "application/json; charset=UTF-8",
  ".map": "application/json; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=UTF-8",
};

/**
 * The encoding to send for an Accept-Encoding header: brotli whenever the client accepts it (the smallest, whatever
 * the client's order), else gzip (a q-value of 0 refuses; `*` accepts what is not named); null for neither.
 */
export function preferredEncoding(header: string | string[] | undefined): Encoding | null {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  const q = new Map<string, number>();
  for (const part of value.split(",")) {
    const [rawName, ...params] = part.toLowerCase().split(";");
    const name = rawName.trim();
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const quality = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(quality) ? quality : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip") || accepts("x-gzip")) return "gzip";
  return null;
}

interface Variant {
  path: string;
  size: number;
  etag: string;
}

// Built files never change while the server runs (a new build is a restart): each is looked up once.
const variants = new Map<string, Variant | null>();

function variantOf(file: string, encoding: Encoding): Variant | null {
  const path = file + ENCODED_SUFFIX[encoding];
  let found = variants.get(path);
  if (found === undefined) {
    try {
      const original = statSync(file);
      const { size } = statSync(path);
      found = { path, size, etag: `W/"${original.size.toString(16)}-${original.mtimeMs.toString(16)}-${encoding}"` };
    } catch {
      found = null;
    }
    variants.set(path, found);
  }
  return found;
}

/** The file under the static folder that a request path names, or null (outside it, or not a plain path). */
export function staticFile(url: string | undefined, root = STATIC_DIR): string | null {
  const pathname = (url ?? "").split("?")[0];
  if (!pathname.startsWith(PREFIX)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(PREFIX.length));
  } catch {
    return null;
  }
  if (!relative || relative.includes("\0") || relative.split("/").some((s) => s === ".." || s === "." || s === "")) return null;
  const base = resolve(root);
  const file = resolve(join(base, relative));
  return file.startsWith(base + sep) && CONTENT_TYPES[extname(file)] ? file : null;
}

/** Answers the request from a compressed copy when it can; false leaves the request to Next. */
export function serveCompressedStatic(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const file = staticFile(req.url);
  if (!file) return false;
  const encoding = preferredEncoding(req.headers["accept-encoding"]);
  const variant = encoding ? variantOf(file, encoding) : null;
  if (!encoding || !variant) return false;

  // The same headers Next gives these files, security headers included (next.config.js sends them to
  // /_next/static; prepareRequestHeaders has already decided X-Forwarded-Proto).
  for (const [name, value] of securityHeaders({ https: req.headers["x-forwarded-proto"] === "https" })) res.setHeader(name, value);
  res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("ETag", variant.etag);
  res.setHeader("Content-Type", CONTENT_TYPES[extname(file)]);
  if (req.headers["if-none-match"]?.split(",").some((tag) => tag.trim() === variant.etag)) {
    res.writeHead(304).end();
    return true;
  }
  res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", variant.size);
  if (req.method === "HEAD") {
    res.writeHead(200).end();
    return true;
  }
  res.writeHead(200);
  createReadStream(variant.path)
    .on("error", () => res.destroy())
    .pipe(res);
  return true;
}
