import { z } from "zod";

// The MSP's name as it heads every client report; the page and the data layer share this.
export const brandingName = z
  .string()
  .trim()
  .max(120, "at most 120 characters")
  // Control characters would print as boxes or break a line in the PDF.
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "no control characters")
  .transform((v) => (v === "" ? null : v));

/** As a form's fields: errors come back on the field they are about. */
export const brandingSettings = z.object({ name: brandingName });
