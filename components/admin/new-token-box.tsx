"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { CopyButton } from "./copy-button";

const noSubscription = () => () => {};

/** The token just created, shown this once; focus moves here so that nobody misses it. */
export function NewTokenBox({ token, name }: { token: string; name: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");

  useEffect(() => {
    headingRef.current?.focus();
  }, [token]);

  return (
    <section
      data-testid="new-token"
      aria-labelledby="new-token-heading"
      className="mb-6 rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-amber-950 sm:p-6 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-50"
    >
      <h3 ref={headingRef} id="new-token-heading" tabIndex={-1} className="text-base font-semibold focus:outline-none">
        New token “{name}”
      </h3>
      <p className="mt-1 text-sm font-medium">Copy it now: it is stored only as a hash and cannot be shown again.</p>
      <code
        id="new-token-value"
        data-testid="new-token-value"
        className="mt-3 block rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all select-all text-gray-900 dark:border-amber-500/40 dark:bg-gray-950 dark:text-gray-100"
      >
        {token}
      </code>
      <div className="mt-3">
        <CopyButton text={token} selectId="new-token-value" label="Copy token" />
      </div>
      <p className="mt-4 text-sm">Try it: this asks the API for the fleet summary.</p>
      <pre className="mt-1 rounded-lg bg-gray-900 px-3 py-2 text-xs break-all whitespace-pre-wrap text-gray-100 dark:bg-black">
        <code>{`curl -H "Authorization: Bearer ${token}" ${origin || "<origin>"}/api/v1/summary`}</code>
      </pre>
    </section>
  );
}
