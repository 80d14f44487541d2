// Liveness: the process is up and serves requests. No database, no session: a probe may call it every second.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
