// Where to send someone after they sign in, from a `next` parameter anyone can put in a link. Only a path on this
// site is accepted, judged the way a browser will read it: the WHATWG URL parser drops tabs and newlines, turns
// `\` into `/`, and resolves `/./` and `%2e` segments, so text checks on the raw string ("starts with / but not
// //") miss `/%09/evil.example` or `/.//evil.example`. The answer is rebuilt from the parsed path, query and
// fragment, never passed through.

export const MAX_REDIRECT_LENGTH = 2048;
// Any origin works as the base: only what the parser makes of the input relative to it matters.
const BASE = new URL("http://patchboard.invalid/");

/** A same-origin path (with query and fragment) to redirect to, or "/" for anything else. */
export function safeRedirectPath(raw: unknown, fallback = "/"): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_REDIRECT_LENGTH) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // `/.//evil.example` parses to the path `//evil.example`, which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  // The rebuilt path must itself stay on this origin when resolved again (by the browser, from Location).
  return new URL(path, BASE).origin === BASE.origin ? path : fallback;
}
