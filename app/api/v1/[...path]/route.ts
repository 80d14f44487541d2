import { jsonError } from "@/lib/api/error-response";

// Unknown API paths answer in the API's error shape rather than with an HTML page.
const notFound = async () => jsonError(404, "not_found", "No such API endpoint.");

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
