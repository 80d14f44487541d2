"use client";

// The palette is one dialog with several ways in (Ctrl/Cmd-K, the search button, the client switcher): they ask
// this store to open it, in the mode they want.
export type PaletteMode = "everything" | "clients";
type Listener = (mode: PaletteMode) => void;
const listeners = new Set<Listener>();

export function openPalette(mode: PaletteMode = "everything"): void {
  for (const l of listeners) l(mode);
}

export function onPaletteOpen(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
