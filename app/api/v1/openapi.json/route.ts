import { errorResponse } from "@/lib/api/error-response";
import { apiDocument } from "@/lib/api/openapi/api-document";

export const dynamic = "force-dynamic";

// The API's description (OpenAPI 3.1). Not behind apiRoute: it needs no token, since it describes the API and holds
// no data (what it says is in the README too), and tools that read it (code generators, API clients) fetch it
// without credentials. The same for every caller, so a shared cache may keep it a while.
export async function GET(): Promise<Response> {
  try {
    return Response.json(apiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (err) {
    return errorResponse(err);
  }
}
