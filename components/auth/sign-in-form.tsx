"use client";

import { useRef, useState } from "react";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { AuthField } from "./auth-field";

type State = { kind: "idle" } | { kind: "busy" } | { kind: "error"; message: string };

/**
 * Email and password, posted to /api/session (which rate-limits and answers 429 with Retry-After). On success
 * the browser has the session cookie and goes on to the page it came for.
 */
export function SignInForm({ next }: { next: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const emailRef = useRef<HTMLInputElement>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ kind: "busy" });
    let res: Response;
    try {
      res = await fetch("/api/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
    } catch {
      setState({ kind: "error", message: "The server could not be reached. Check the connection and try again." });
      return;
    }
    if (res.ok) {
      // Checked again here: the prop is the page's, but this is the line that navigates.
      window.location.assign(safeRedirectPath(next));
      return;
    }
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    setState({ kind: "error", message: body?.error?.message ?? `Sign-in failed (${res.status}).` });
    emailRef.current?.focus();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={state.kind === "error" ? "sign-in-error" : undefined}>
      <div role="alert" id="sign-in-error" className="empty:hidden">
        {state.kind === "error" ? (
          <p className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-950/50 dark:text-red-200">{state.message}</p>
        ) : null}
      </div>
      <AuthField id="email" label="Email" type="email" autoComplete="username" inputRef={emailRef} />
      <AuthField id="password" label="Password" type="password" autoComplete="current-password" />
      <button
        type="submit"
        disabled={state.kind === "busy"}
        className="w-full rounded-lg bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
      >
        {state.kind === "busy" ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
