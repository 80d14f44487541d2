import { apiRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/json-body";
import { createMapping, listMappings } from "@/lib/data/imports/mappings";
import { columnMappingSchema } from "@/lib/import/mapped-csv";
import type { MappingAnswer, MappingsAnswer } from "@/lib/zod/answers/imports";

export const dynamic = "force-dynamic";

export const GET = apiRoute(null, async ({ access }) => ({ mappings: await listMappings(access) }) satisfies MappingsAnswer);

export const POST = apiRoute(null, async ({ req, access }) => {
  const input = columnMappingSchema.parse(await readJsonBody(req));
  return Response.json({ mapping: await createMapping(access, input) } satisfies MappingAnswer, { status: 201 });
});
