import { notFound } from "../errors";
import { serverId } from "../zod/list-queries";

/** The server id in a route's path, or a 404 exactly like a missing server's. */
export function requireServerId(raw: string | undefined): number {
  const id = serverId(raw);
  if (id === null) throw notFound("Server");
  return id;
}
