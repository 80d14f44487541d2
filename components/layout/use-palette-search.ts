"use client";

import { useEffect, useState } from "react";
import type { PaletteMode } from "./palette-store";

export interface PaletteHit {
  href: string;
  title: string;
  detail: string;
}

export interface PaletteResults {
  /** the text these results are for */
  text: string;
  clients: PaletteHit[];
  servers: PaletteHit[];
  loading: boolean;
  failed: boolean;
}

const EMPTY: PaletteResults = { text: "", clients: [], servers: [], loading: false, failed: false };
const DEBOUNCE_MS = 150;
const LIMIT = 8;

interface OrganizationsAnswer {
  data: { slug: string; name: string; servers: number; worstStatus: string | null }[];
}
interface ServersAnswer {
  data: { id: number; hostname: string; ipAddress: string | null; organizationName: string; status: string }[];
}

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Clients and servers matching the text, from the same API the tables use (scoped to the caller there), debounced;
 * an empty text lists the clients worst first. `null` (the palette is closed) asks nothing.
 */
export function usePaletteSearch(text: string | null, mode: PaletteMode): PaletteResults {
  const [results, setResults] = useState<PaletteResults>(EMPTY);
  useEffect(() => {
    if (text === null) return;
    const q = text.trim();
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setResults((r) => ({ ...r, loading: true, failed: false }));
      try {
        const query = encodeURIComponent(q);
        const [organizations, servers] = await Promise.all([
          getJson<OrganizationsAnswer>(`/api/v1/organizations?q=${query}&pageSize=${LIMIT}`, controller.signal),
          mode === "everything" && q
            ? getJson<ServersAnswer>(`/api/v1/servers?q=${query}&pageSize=${LIMIT}`, controller.signal)
            : Promise.resolve<ServersAnswer>({ data: [] }),
        ]);
        setResults({
          text: q,
          clients: organizations.data.map((o) => ({
            href: `/organizations/${encodeURIComponent(o.slug)}`,
            title: o.name,
            detail: `${o.servers} server${o.servers === 1 ? "" : "s"}${o.worstStatus ? `, worst: ${o.worstStatus}` : ""}`,
          })),
          servers: servers.data.map((s) => ({
            href: `/servers/${s.id}`,
            title: s.hostname,
            detail: [s.ipAddress, s.organizationName, s.status].filter(Boolean).join(" · "),
          })),
          loading: false,
          failed: false,
        });
      } catch {
        if (!controller.signal.aborted) setResults({ ...EMPTY, text: q, failed: true });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, mode]);
  // Results for an older text are not offered: Enter must never open what the previous letters found.
  if (text === null) return EMPTY;
  return results.text === text.trim() ? results : { ...EMPTY, text: text.trim(), loading: true };
}
