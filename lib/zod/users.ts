import { z } from "zod";
import { ROLES, TOKEN_ROLES } from "../domain/access";

// Shared by the admin pages' forms and the data layer.
const MIN_PASSWORD = 12;
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ error: "Enter an email address, like name@example.com." }));
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, { error: `Use at least ${MIN_PASSWORD} characters.` })
  .max(256, { error: "Use at most 256 characters." });
const nameSchema = z.string().trim().min(1, { error: "Enter a name." }).max(100, { error: "Use at most 100 characters." });
const slugList = z.array(z.string().trim().min(1).max(200)).max(10_000).default([]);

export const setupSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });

export const newUserSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(ROLES),
  allOrganizations: z.boolean().default(false),
  organizations: slugList,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const userUpdateSchema = z.object({
  role: z.enum(ROLES),
  allOrganizations: z.boolean().default(false),
  organizations: slugList,
});
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(256),
});

export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1, { error: "Enter your current password." }).max(256), newPassword: passwordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { error: "The two new passwords differ.", path: ["confirm"] });

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, { error: "Name the token, e.g. after the script that uses it." }).max(100),
  role: z.enum(TOKEN_ROLES).default("technician"),
  organizations: slugList,
  /** YYYY-MM-DD: the token stops working at the end of that day (UTC) */
  expiresOn: z.iso.date({ error: "Give the expiry as a date (YYYY-MM-DD)." }).optional(),
});
export type NewTokenInput = z.input<typeof newTokenSchema>;
