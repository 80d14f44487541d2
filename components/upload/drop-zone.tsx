"use client";

import { useRef, useState } from "react";
import { formatBytes } from "../ui/format";

/** Drag and drop a file, or choose one with a keyboard-accessible button. */
export function DropZone({ onFile, disabled, maxBytes }: { onFile: (file: File) => void; disabled: boolean; maxBytes: number }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  return (
    <div
      onDragEnter={(e) => {
        e.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? "none" : "copy";
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
      data-testid="drop-zone"
      className={`flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors ${
        dragging
          ? "border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/40"
          : "border-gray-300 bg-white dark:border-gray-700 dark:bg-gray-900"
      } ${disabled ? "opacity-60" : ""}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-10 text-gray-500 dark:text-gray-400" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
      <p className="mt-3 text-sm text-gray-700 dark:text-gray-300">Drag and drop a scan file here, or</p>
      <button
        type="button"
        disabled={disabled}
        onClick={() => input.current?.click()}
        className="mt-3 rounded-lg bg-blue-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800 disabled:cursor-not-allowed dark:bg-blue-500 dark:text-gray-950 dark:hover:bg-blue-400"
      >
        Choose a CSV
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
      <p className="mt-3 text-xs text-gray-600 dark:text-gray-400">CSV, UTF-8, up to {formatBytes(maxBytes)}</p>
    </div>
  );
}
