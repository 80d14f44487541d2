import type { Metadata } from "next";
import { AccountForm } from "@/components/auth/account-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAccess } from "@/app/_lib/access";
import { changePasswordAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change password" };

export default async function PasswordPage() {
  const access = await requireAccess();
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader title="Change password" description={`Signed in as ${access.actor.label}. Other browsers signed in as you are signed out.`} />
      <Card>
        <AccountForm
          submitLabel="Change password"
          action={changePasswordAction}
          fields={[
            { id: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
            { id: "newPassword", label: "New password", type: "password", autoComplete: "new-password", hint: "At least 12 characters." },
            { id: "confirm", label: "New password again", type: "password", autoComplete: "new-password" },
          ]}
        />
      </Card>
    </div>
  );
}
