// Every route under app/api/v1, as the API description tells it: one record per operation, with the zod schemas the
// route validates with and answers in. The contract test calls each of them and holds the answers to it, and
// checks that every route file is here.
import { ADMIN_ROUTES } from "./admin-routes";
import { FLEET_ROUTES } from "./fleet-routes";
import { IMPORT_ROUTES } from "./import-routes";
import type { OperationSpec, TagSpec } from "./operation";
import { ORGANIZATION_ROUTES } from "./organization-routes";
import { SERVER_ROUTES } from "./server-routes";

export const API_TAGS: TagSpec[] = [
  { name: "Fleet", description: "Counts by status, the trend, time to patch and the fleet report, across the organizations the caller sees." },
  { name: "Organizations", description: "The organizations table, and one organization's weekly digest and client report." },
  { name: "Servers", description: "The servers table, one server's verdicts, the hunts recorded on it and its lifecycle marks." },
  { name: "Imports", description: "Uploading scan files, the imports they made, and saved column mappings for CSV files." },
  { name: "Campaigns", description: "The Exchange emergencies every server is judged against." },
  { name: "Administration", description: "Webhooks and the MSP's branding on client reports." },
  { name: "This description", description: "The API's own description, as OpenAPI 3.1." },
];

// In the order the reference shows them, a tag at a time.
export const API_OPERATIONS: OperationSpec[] = [...FLEET_ROUTES, ...ORGANIZATION_ROUTES, ...SERVER_ROUTES, ...IMPORT_ROUTES, ...ADMIN_ROUTES];
