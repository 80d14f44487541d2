import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { clientIp } from "@/lib/api/client-ip";
import { accessFromSession } from "@/lib/data/accounts/sign-in";
import { can, type Access } from "@/lib/domain/access";

/** The signed-in caller of this request (once per request), or null. */
export const getAccess = cache(async (): Promise<Access | null> => {
  const h = await headers();
  return accessFromSession(h, clientIp(h));
});

/** Pages call this first: without a valid session the visitor goes to the sign-in page. */
export async function requireAccess(): Promise<Access> {
  const access = await getAccess();
  if (!access) redirect("/sign-in");
  return access;
}

/** Admin pages: to anyone else they do not exist. */
export async function requireAdmin(): Promise<Access> {
  const access = await requireAccess();
  if (!can.administer(access)) notFound();
  return access;
}
