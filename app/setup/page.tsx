import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountForm } from "@/components/auth/account-form";
import { Card } from "@/components/ui/card";
import { countUsers } from "@/lib/data/accounts/users";
import { createOwnerAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up Patchboard" };

// Exists only while there is no user at all; afterwards it is a 404.
export default async function SetupPage() {
  if ((await countUsers()) > 0) notFound();
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-2xl font-semibold tracking-tight">Set up Patchboard</h1>
        <p className="mt-2 text-sm text-gray-700 dark:text-gray-300">
          Create the owner account. The owner can do everything: add your staff and your clients&rsquo; contacts, create API tokens and read the audit log.
          This page disappears once the account exists.
        </p>
        <div className="mt-6">
          <AccountForm
            submitLabel="Create the owner account"
            action={createOwnerAction}
            fields={[
              { id: "name", label: "Your name", autoComplete: "name" },
              { id: "email", label: "Email", type: "email", autoComplete: "username" },
              { id: "password", label: "Password", type: "password", autoComplete: "new-password", hint: "At least 12 characters. A passphrase of a few words is good." },
            ]}
          />
        </div>
      </Card>
    </div>
  );
}
