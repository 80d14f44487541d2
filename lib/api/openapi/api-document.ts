// The API's description as served (/api/v1/openapi.json) and shown (/api/docs): built once per process, since it
// depends on the code alone.
import { ANSWER_COMPONENTS, ERROR_COMPONENT } from "./components";
import { buildOpenApiDocument, type OpenApiDocument } from "./document";
import { API_OPERATIONS, API_TAGS } from "./routes";

const INFO: OpenApiDocument["info"] = {
  title: "Patchboard API",
  version: "1",
  description:
    "Patch and compromise status of Exchange servers, per organization and per emergency (campaign). Every route is under /api/v1 and needs an API token, `Authorization: Bearer <token>` (or, from Patchboard's own pages, the session). Answers cover the organizations the caller may see: another tenant's record is a 404, exactly like a missing one. Every error is `{\"error\": {\"code\", \"message\", \"details\"?}}`, with a 4xx status for anything the client got wrong.",
};

let built: OpenApiDocument | undefined;

export function apiDocument(): OpenApiDocument {
  return (built ??= buildOpenApiDocument({ info: INFO, tags: API_TAGS, operations: API_OPERATIONS, components: ANSWER_COMPONENTS, errorComponent: ERROR_COMPONENT }));
}
