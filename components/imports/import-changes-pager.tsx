"use client";

import { useEffect, useState } from "react";
import type { ImportServerChange, Page } from "@/lib/views";
import { SECONDARY_BUTTON } from "../upload/field-styles";
import { formatNumber } from "../ui/format";
import { ImportChangesTable } from "./import-changes-table";

const PAGE_SIZE = 10;

type Loaded = { page: number; result: Page<ImportServerChange> } | { page: number; error: string };

/**
 * The servers an import touched, a page at a time from `GET /api/v1/imports/ID` (the server sorts and pages them):
 * for the upload page, which shows its results in the browser.
 */
export function ImportChangesPager({ importId, id, caption }: { importId: number; id: string; caption: string }) {
  const [page, setPage] = useState(1);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/v1/imports/${importId}?page=${page}&pageSize=${PAGE_SIZE}`, { signal: controller.signal, headers: { accept: "application/json" } })
      .then(async (res) => {
        const body = (await res.json()) as { servers?: Page<ImportServerChange>; error?: { message?: string } };
        if (!res.ok || !body.servers) throw new Error(body.error?.message ?? `The server answered ${res.status}.`);
        setLoaded({ page, result: body.servers });
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoaded({ page, error: err instanceof Error ? err.message : "The servers could not be loaded." });
      });
    return () => controller.abort();
  }, [importId, page]);

  const loading = loaded === null || loaded.page !== page;
  if (loaded && "error" in loaded && !loading) {
    return <p className="text-sm text-red-700 dark:text-red-400">Could not load the servers: {loaded.error}</p>;
  }
  const result = loaded && "result" in loaded ? loaded.result : null;
  if (!result) {
    return (
      <p role="status" className="text-sm text-gray-600 dark:text-gray-400">
        Loading the servers…
      </p>
    );
  }
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  return (
    <div aria-busy={loading} className={loading ? "opacity-60" : undefined}>
      <ImportChangesTable id={id} caption={caption} rows={result.data} />
      {pageCount > 1 ? (
        <nav aria-label={`Pages of ${caption.toLowerCase()}`} className="mt-3 flex flex-wrap items-center justify-end gap-3 text-sm">
          <span className="text-gray-700 tabular-nums dark:text-gray-300">
            Page {formatNumber(page)} of {formatNumber(pageCount)}
          </span>
          <button type="button" className={SECONDARY_BUTTON} disabled={loading || page <= 1} onClick={() => setPage((p) => p - 1)}>
            <span aria-hidden="true">‹</span> Previous
          </button>
          <button type="button" className={SECONDARY_BUTTON} disabled={loading || page >= pageCount} onClick={() => setPage((p) => p + 1)}>
            Next <span aria-hidden="true">›</span>
          </button>
        </nav>
      ) : null}
    </div>
  );
}
