type Handler = (req: Request) => Promise<Response>;

export interface CallOptions {
  method?: string;
  token?: string | null;
  body?: BodyInit | null;
  headers?: Record<string, string>;
}

/** Calls a route handler the way Next.js does, with a real Request, and reads the JSON answer. */
export async function call(handler: Handler, path: string, opts: CallOptions = {}) {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  const init: RequestInit & { duplex?: "half" } = { method: opts.method ?? "GET", headers, body: opts.body ?? null };
  if (opts.body instanceof ReadableStream) init.duplex = "half";
  const res = await handler(new Request(`http://localhost${path}`, init));
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  // Tests read answers field by field; `any` keeps those assertions short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, json: json as Record<string, any>, text, headers: res.headers };
}
