import { AppError } from "../errors";

/**
 * CSRF defence for the browser's own endpoints: a cross-site page cannot make the
 * browser send a same-origin Origin header or Sec-Fetch-Site: same-origin.
 */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw forbidden();
  const origin = req.headers.get("origin");
  if (!origin) {
    if (site) return;
    throw forbidden();
  }
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden();
  }
  if (!host || originHost !== host) throw forbidden();
}

const forbidden = () => new AppError(403, "cross_origin", "This endpoint only accepts requests from Patchboard's own pages.");
