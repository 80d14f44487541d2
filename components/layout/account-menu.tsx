import Link from "next/link";
import { signOutAction } from "@/app/_lib/session-actions";
import { LINK } from "@/components/ui/link-styles";

/** Who is signed in, and the way to change the password or leave. */
export function AccountMenu({ email, roleLabel }: { email: string; roleLabel: string }) {
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <p className="flex min-w-0 flex-col text-right leading-tight">
        <span className="sr-only">Signed in as </span>
        <span className="max-w-48 truncate font-medium" title={email}>
          {email}
        </span>
        <span className="text-xs text-gray-600 dark:text-gray-400">{roleLabel}</span>
      </p>
      <Link href="/account/password" className={`rounded-md px-1.5 py-1 font-medium whitespace-nowrap ${LINK}`}>
        Change password
      </Link>
      <form action={signOutAction}>
        <button
          type="submit"
          className="rounded-md border border-gray-300 px-3 py-1.5 font-medium text-gray-800 hover:bg-gray-100 dark:border-gray-700 dark:text-gray-200 dark:hover:bg-gray-800"
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
