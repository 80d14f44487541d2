"use client";

import { useEffect, useRef } from "react";
import { CopyButton } from "./copy-button";

/** A webhook's signing secret just made, shown this once; focus moves here so that nobody misses it. */
export function NewSecretBox({ secret, name }: { secret: string; name: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [secret]);

  return (
    <section
      data-testid="new-webhook-secret"
      aria-labelledby="new-secret-heading"
      className="mb-6 rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-amber-950 sm:p-6 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-50"
    >
      <h3 ref={headingRef} id="new-secret-heading" tabIndex={-1} className="text-base font-semibold focus:outline-none">
        Signing secret of “{name}”
      </h3>
      <p className="mt-1 text-sm font-medium">
        Copy it now into the receiver: it checks the <code>Patchboard-Signature</code> header with it (see the README). It is not shown again.
      </p>
      <code
        id="new-secret-value"
        data-testid="new-webhook-secret-value"
        className="mt-3 block rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all select-all text-gray-900 dark:border-amber-500/40 dark:bg-gray-950 dark:text-gray-100"
      >
        {secret}
      </code>
      <div className="mt-3">
        <CopyButton text={secret} selectId="new-secret-value" label="Copy secret" />
      </div>
    </section>
  );
}
