"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useTransition } from "react";

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

  // The query of a navigation still in flight: a debounced filter that fires while the
  // status filter's navigation is pending must build on it, not on the URL it replaces.
  // A debounced callback may also run with the closure of an older render: read the
  // current URL through a ref.
  const requested = useRef<string | null>(null);
  const current = useRef(searchParams.toString());
  useEffect(() => {
    current.current = searchParams.toString();
    if (!isPending) requested.current = null;
  }, [isPending, searchParams]);

  const build = useCallback(
    (base: string, updates: ParamUpdates) => {
      const next = new URLSearchParams(base);
      for (const [key, raw] of Object.entries(updates)) {
        const value = raw === undefined ? "" : String(raw);
        if (value === "" || defaults[key] === value) next.delete(key);
        else next.set(key, value);
      }
      return next.toString();
    },
    [defaults],
  );

  const hrefWith = useCallback(
    (updates: ParamUpdates) => {
      const query = build(searchParams.toString(), updates);
      return query ? `${pathname}?${query}` : pathname;
    },
    [build, searchParams, pathname],
  );

  const setParams = useCallback(
    (updates: ParamUpdates, options: { replace?: boolean } = {}) => {
      const query = build(requested.current ?? current.current, updates);
      requested.current = query;
      const href = query ? `${pathname}?${query}` : pathname;
      startTransition(() => {
        if (options.replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [build, pathname, router],
  );

  return { searchParams, setParams, hrefWith, isPending };
}
