"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { NavLink } from "./nav-link-list";
import { onPaletteOpen, openPalette, type PaletteMode } from "./palette-store";
import { usePaletteSearch, type PaletteHit } from "./use-palette-search";

const GROUP = "px-2 pt-3 pb-1 text-xs font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-400 [&_[cmdk-group-heading]]:mb-1";
const ITEM =
  "flex cursor-pointer flex-col rounded-md px-3 py-2 text-sm text-gray-900 data-[selected=true]:bg-blue-700 data-[selected=true]:text-white dark:text-gray-100";
const DETAIL = "text-xs text-gray-600 group-data-[selected=true]:text-blue-100 dark:text-gray-400";

function Hit({ hit, go }: { hit: PaletteHit; go: (href: string) => void }) {
  return (
    <Command.Item value={hit.href} onSelect={() => go(hit.href)} className={`group ${ITEM}`}>
      <span className="font-medium">{hit.title}</span>
      {hit.detail ? <span className={DETAIL}>{hit.detail}</span> : null}
    </Command.Item>
  );
}

/**
 * Find anything from the keyboard (Ctrl/Cmd-K): servers by hostname or IP, clients by name, and pages. A native
 * modal <dialog> (focus stays inside, Escape closes, focus returns) around cmdk's listbox.
 */
export function CommandPalette({ pages }: { pages: NavLink[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<PaletteMode>("everything");
  const [text, setText] = useState("");
  const results = usePaletteSearch(open ? text : null, mode);

  useEffect(
    () =>
      onPaletteOpen((next) => {
        setMode(next);
        setText("");
        setOpen(true);
      }),
    [],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey) {
        event.preventDefault();
        openPalette("everything");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      el.querySelector("input")?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);

  const go = (href: string) => {
    setOpen(false);
    router.push(href);
  };
  const q = text.trim().toLowerCase();
  const pageHits = mode === "everything" ? pages.filter((p) => !q || p.label.toLowerCase().includes(q)) : [];
  const title = mode === "clients" ? "Switch client" : "Search Patchboard";

  return (
    <dialog
      ref={dialog}
      aria-label={title}
      onClose={() => setOpen(false)}
      onClick={(event) => {
        if (event.target === dialog.current) setOpen(false);
      }}
      className="mx-auto mt-[12vh] w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-gray-200 bg-white p-0 text-gray-900 shadow-2xl backdrop:bg-gray-950/50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100"
    >
      {open ? (
        <Command label={title} shouldFilter={false} loop>
          <div className="flex items-center gap-2 border-b border-gray-200 px-3 dark:border-gray-700">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 text-gray-500" fill="none" stroke="currentColor" strokeWidth={2}>
              <circle cx="11" cy="11" r="7" />
              <path d="m20 20-3.5-3.5" strokeLinecap="round" />
            </svg>
            <Command.Input
              value={text}
              onValueChange={setText}
              maxLength={200}
              placeholder={mode === "clients" ? "Client name" : "Hostname, IP address, client or page"}
              className="h-12 w-full bg-transparent text-base outline-none placeholder:text-gray-500 dark:placeholder:text-gray-400"
            />
            <kbd className="rounded border border-gray-300 px-1.5 text-xs text-gray-600 dark:border-gray-600 dark:text-gray-400">Esc</kbd>
          </div>
          <Command.List className="max-h-[60vh] overflow-y-auto p-2">
            <Command.Empty className="px-3 py-6 text-center text-sm text-gray-600 dark:text-gray-400">
              {results.failed ? "The search failed. Try again." : results.loading ? "Searching…" : "Nothing matches."}
            </Command.Empty>
            {pageHits.length > 0 ? (
              <Command.Group heading="Pages" className={GROUP}>
                {pageHits.map((p) => (
                  <Hit key={p.href} hit={{ href: p.href, title: p.label, detail: "" }} go={go} />
                ))}
              </Command.Group>
            ) : null}
            {results.clients.length > 0 ? (
              <Command.Group heading={q ? "Clients" : "Clients, worst first"} className={GROUP}>
                {results.clients.map((hit) => (
                  <Hit key={hit.href} hit={hit} go={go} />
                ))}
              </Command.Group>
            ) : null}
            {results.servers.length > 0 ? (
              <Command.Group heading="Servers" className={GROUP}>
                {results.servers.map((hit) => (
                  <Hit key={hit.href} hit={hit} go={go} />
                ))}
              </Command.Group>
            ) : null}
          </Command.List>
        </Command>
      ) : null}
    </dialog>
  );
}
