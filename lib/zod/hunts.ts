// A hunt recorded by hand (done with another tool): the same schema for the API and the server page's form.
import { z } from "zod";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.")
  .refine((d) => {
    const ms = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
  }, "Not a real date.");

export const HUNT_RESULTS = ["clean", "found"] as const;
export type HuntResult = (typeof HUNT_RESULTS)[number];

export const huntInputSchema = z
  .object({
    fromDay: day,
    toDay: day,
    tool: z.string().trim().min(2, "Name the tool (at least 2 characters).").max(80, "Keep the tool's name under 80 characters."),
    result: z.enum(HUNT_RESULTS, { message: 'Either "clean" (nothing found) or "found".' }),
    note: z.string().trim().max(2000, "Keep the note under 2000 characters.").default(""),
  })
  .superRefine((h, ctx) => {
    if (h.fromDay > h.toDay) ctx.addIssue({ code: "custom", path: ["fromDay"], message: "The first day must be on or before the last." });
    if (h.toDay > new Date().toISOString().slice(0, 10)) ctx.addIssue({ code: "custom", path: ["toDay"], message: "A hunt cannot cover days still to come." });
    if (h.fromDay < "2000-01-01") ctx.addIssue({ code: "custom", path: ["fromDay"], message: "Exchange logs do not go back that far." });
    if (h.result === "found" && h.note.length < 3) ctx.addIssue({ code: "custom", path: ["note"], message: "Say what was found (at least 3 characters)." });
  });

export type HuntInput = z.output<typeof huntInputSchema>;
