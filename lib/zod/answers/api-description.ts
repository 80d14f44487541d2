// GET /api/v1/openapi.json answers the API's own description. Its shape is OpenAPI 3.1's; this checks only the
// frame (the contract test reads the rest as the document it is).
import { z } from "zod";

export const apiDescription = z
  .looseObject({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .describe("An OpenAPI 3.1 document.");
