"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/data/accounts/sign-in";
import { getAccess } from "./access";

/** The header's "Sign out": ends the session in the database and clears the cookie. */
export async function signOutAction(): Promise<void> {
  const access = await getAccess();
  await signOut(await headers(), access);
  redirect("/sign-in");
}
