import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { demoEnabled } from "@/lib/config";
import { countUsers } from "@/lib/data/accounts/users";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { getAccess } from "@/app/_lib/access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[]; setup?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  if ((await countUsers()) === 0) redirect("/setup");
  const params = await searchParams;
  // Only a path on this site: an open redirect would let a link send people elsewhere after signing in.
  const next = safeRedirectPath(params.next);
  if (await getAccess()) redirect(next);
  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-2">
      <Card>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Patchboard</h1>
        {params.setup === "done" ? (
          <p role="status" className="mt-3 rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-500/40 dark:bg-green-950/50 dark:text-green-200">
            The owner account is ready. Sign in with it.
          </p>
        ) : null}
        <div className="mt-6">
          <SignInForm next={next} />
        </div>
      </Card>
      {demoEnabled() ? <DemoAccounts accounts={DEMO_ACCOUNTS} /> : null}
    </div>
  );
}
