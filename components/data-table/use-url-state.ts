"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

export type ParamUpdates = Record<string, string | number | undefined>;

/**
 * Table state lives in the URL's search params: updating them navigates (in a
 * transition) and the server component renders the matching page of data.
 * Values equal to their default are left out of the URL. Pass `defaults` as a
 * module-level constant so the callbacks stay stable.
 */
export function useUrlState(defaults: Readonly<Record<string, string>>) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  const hrefWith = useCallback(
    (updates: ParamUpdates) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, raw] of Object.entries(updates)) {
        const value = raw === undefined ? "" : String(raw);
        if (value === "" || defaults[key] === value) next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [searchParams, pathname, defaults],
  );

  const setParams = useCallback(
    (updates: ParamUpdates, options: { replace?: boolean } = {}) => {
      const href = hrefWith(updates);
      startTransition(() => {
        if (options.replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [hrefWith, router],
  );

  return { searchParams, setParams, hrefWith, isPending };
}
