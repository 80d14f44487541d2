import type { Metadata } from "next";
import { requireAdmin } from "@/app/_lib/access";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { roleOptions } from "@/components/admin/role-options";
import { UsersTable } from "@/components/admin/users-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listOrganizationChoices } from "@/lib/data/fleet/organizations";
import { listUsers } from "@/lib/data/accounts/users";
import { ROLES } from "@/lib/domain/access";
import { createUserAction, setUserActiveAction, updateUserAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const access = await requireAdmin();
  const [users, choices] = await Promise.all([listUsers(access), listOrganizationChoices(access)]);
  const isOwner = access.role === "owner";
  // Only an owner may make an owner; the data layer refuses it to admins anyway.
  const roles = roleOptions(isOwner ? ROLES : ROLES.filter((r) => r !== "owner"));
  const active = users.filter((u) => u.active).length;

  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Users"
        description="People who sign in to Patchboard, what they may do and which organizations they see. Accounts are never deleted: deactivate them instead, so the audit log keeps its meaning."
      />

      <Section id="create-user" title="Create a user" description="Nobody can sign up by themselves: an admin creates every account.">
        <Card className="max-w-3xl">
          <CreateUserForm action={createUserAction} roles={roles} choices={choices} />
        </Card>
      </Section>

      <Section id="all-users" title="All users" description={`${plural(users.length, "user")}, ${active} active.`}>
        {users.length === 0 ? (
          <EmptyState title="No users yet">Create the first one with the form above.</EmptyState>
        ) : (
          <UsersTable
            users={users}
            callerId={access.actor.type === "user" ? access.actor.id : null}
            callerIsOwner={isOwner}
            roles={roles}
            choices={choices}
            updateAction={updateUserAction}
            setActiveAction={setUserActiveAction}
          />
        )}
      </Section>
    </>
  );
}
