import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_lib/access";
import { CreateTokenForm } from "@/components/admin/create-token-form";
import { TokensTable } from "@/components/admin/tokens-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LINK } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listOrganizationChoices } from "@/lib/data/fleet/organizations";
import { listTokens } from "@/lib/data/accounts/tokens";
import { createTokenAction, revokeTokenAction } from "./actions";
import { toTokenRows } from "./token-rows";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const access = await requireAdmin();
  const [tokens, choices] = await Promise.all([listTokens(access), listOrganizationChoices(access)]);
  const rows = toTokenRows(tokens);

  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="API tokens"
        description={
          <>
            Scripts and integrations call the API (<code>/api/v1</code>) with a token in the <code>Authorization: Bearer</code> header. A token has a role like a
            user, can be limited to some organizations, and can expire. The{" "}
            <Link href="/api/docs" className={LINK}>
              API reference
            </Link>{" "}
            describes every route.
          </>
        }
      />

      <Section id="create-token" title="Create a token">
        <Card className="max-w-3xl">
          <CreateTokenForm action={createTokenAction} choices={choices} today={rows.today} />
        </Card>
      </Section>

      <Section id="all-tokens" title="All tokens">
        {rows.tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">Create one with the form above when a script needs to read or upload scans.</EmptyState>
        ) : (
          <TokensTable tokens={rows.tokens} revokeAction={revokeTokenAction} />
        )}
      </Section>
    </>
  );
}
