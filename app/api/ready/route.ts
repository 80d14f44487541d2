// Readiness: the database answers on the app's connection, every migration of this build is applied, the background
// worker runs and the server is not shutting down. Unauthenticated (the proxy does not run on /api), so it answers
// fixed words only: lib/ops/readiness.ts.
import { databaseChecks } from "@/lib/data/health";
import { shuttingDown, workerState } from "@/lib/ops/process-state";
import { readinessAnswer } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { database, migrations } = await databaseChecks();
  const answer = readinessAnswer({ server: shuttingDown() ? "shutting_down" : "ok", database, migrations, worker: workerState("webhooks"), imports: workerState("imports") });
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}
