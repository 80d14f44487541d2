import { ROLE_LABELS } from "@/lib/domain/access";
import type { DemoAccount } from "@/lib/demo-accounts";

/** Only rendered in demo mode: the accounts that come with the demo fleet, one per role. */
export function DemoAccounts({ accounts }: { accounts: DemoAccount[] }) {
  return (
    <section aria-labelledby="demo-heading" className="rounded-xl border border-blue-300 bg-blue-50 p-4 text-sm text-blue-950 dark:border-blue-500/40 dark:bg-blue-950/40 dark:text-blue-100">
      <h2 id="demo-heading" className="font-semibold">
        Demo mode: try a role
      </h2>
      <p className="mt-1">These accounts come with the demo data. They stop working when demo mode is turned off (PATCHBOARD_DEMO=0).</p>
      <table className="mt-3 w-full text-left">
        <caption className="sr-only">Demo accounts</caption>
        <thead>
          <tr className="text-xs uppercase opacity-80">
            <th scope="col" className="py-1 pr-3 font-medium">Role</th>
            <th scope="col" className="py-1 pr-3 font-medium">Email</th>
            <th scope="col" className="py-1 font-medium">Password</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.email}>
              <td className="py-1 pr-3">
                {ROLE_LABELS[a.role]}
                {a.organizations.length ? <span className="block text-xs opacity-80">{a.organizations.join(", ")} only</span> : null}
              </td>
              <td className="py-1 pr-3 font-mono text-xs break-all">{a.email}</td>
              <td className="py-1 font-mono text-xs">{a.password}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
