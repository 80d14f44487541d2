// The demo's accounts, one per role, with known passwords: created with the demo fleet and shown on the sign-in
// page. Their passwords are published, so they open nothing unless the running server itself is in demo mode
// (PATCHBOARD_DEMO, read by the server, whatever started it): lib/data/accounts/users.ts refuses them at sign-in and on every
// session look-up, and tokens they made, otherwise.
import type { Role } from "./domain/access";

export interface DemoAccount {
  name: string;
  email: string;
  password: string;
  role: Role;
  /** organizations by name; none: every organization (for the roles that see all) */
  organizations: string[];
}

export const DEMO_EMAIL_DOMAIN = "demo.patchboard.test";

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { name: "Olivia Owner", email: `owner@${DEMO_EMAIL_DOMAIN}`, password: "demo-owner-password", role: "owner", organizations: [] },
  { name: "Adam Admin", email: `admin@${DEMO_EMAIL_DOMAIN}`, password: "demo-admin-password", role: "admin", organizations: [] },
  { name: "Tara Technician", email: `technician@${DEMO_EMAIL_DOMAIN}`, password: "demo-technician-password", role: "technician", organizations: [] },
  { name: "Lakeside Clinic IT", email: `viewer@${DEMO_EMAIL_DOMAIN}`, password: "demo-viewer-password", role: "viewer", organizations: ["Lakeside Clinic"] },
];

/** Whether an email is in the demo's domain (reserved: nobody else gets an account there). */
export function isDemoEmail(email: string): boolean {
  return email.trim().toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
}
