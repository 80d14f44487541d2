import { clientIp } from "@/lib/api/client-ip";
import { errorResponse } from "@/lib/api/error-response";
import { readJsonBody } from "@/lib/api/json-body";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { accessFromSession, MAX_SIGN_IN_BODY_BYTES, signIn, signOut } from "@/lib/data/accounts/sign-in";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// Copies the session cookie Better Auth set (or cleared) onto our answer.
function withCookies(res: Response, from: Headers): Response {
  for (const cookie of from.getSetCookie()) res.headers.append("set-cookie", cookie);
  return res;
}

/** Sign in: {"email", "password"} from the sign-in page. 429 with Retry-After after too many failures. */
export async function POST(req: Request): Promise<Response> {
  try {
    assertSameOrigin(req);
    const cookies = await signIn(await readJsonBody(req, MAX_SIGN_IN_BODY_BYTES), req.headers, clientIp(req.headers));
    return withCookies(Response.json({ signedIn: true }), cookies);
  } catch (err) {
    const res = errorResponse(err);
    if (err instanceof AppError && err.status === 429) {
      res.headers.set("Retry-After", String((err.details as { retryAfter: number }).retryAfter));
    }
    return res;
  }
}

/** Sign out: ends the session in the database, so the cookie is worthless even if kept. */
export async function DELETE(req: Request): Promise<Response> {
  try {
    assertSameOrigin(req);
    const access = await accessFromSession(req.headers, clientIp(req.headers));
    return withCookies(new Response(null, { status: 204 }), await signOut(req.headers, access));
  } catch (err) {
    return errorResponse(err);
  }
}
