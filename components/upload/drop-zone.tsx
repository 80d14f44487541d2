"use client";

import { useEffect, useRef, useState } from "react";
import { formatBytes } from "../ui/format";

export const FILE_INPUT_ID = "upload-files";
const ACCEPT = ".csv,.log,.txt,.json,.xml,.zip,text/csv,application/json,application/xml,text/xml,application/zip";

/**
 * Drag and drop files, or choose them. The file input itself takes the focus (visually
 * hidden, its label drawn as the button), so keyboard and screen reader users get the
 * browser's own file chooser and its announcements.
 */
export function DropZone({ onFiles, disabled, maxBytes }: { onFiles: (files: File[]) => void; disabled: boolean; maxBytes: number }) {
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // Files chosen before the page finished loading fired their change event before React listened: take them
  // once it does, instead of leaving the user looking at a page that ignored their choice.
  useEffect(() => {
    const input = inputRef.current;
    const files = Array.from(input?.files ?? []);
    if (!input || files.length === 0) return;
    input.value = "";
    onFiles(files);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the files chosen before hydration, once
  }, []);

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
        const files = Array.from(e.dataTransfer.files);
        if (files.length > 0 && !disabled) onFiles(files);
      }}
      data-testid="drop-zone"
      className={`relative flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors ${
        dragging
          ? "border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/40"
          : "border-gray-300 bg-white dark:border-gray-700 dark:bg-gray-900"
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-10 text-gray-500 dark:text-gray-400" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
      <p className="mt-3 text-sm text-gray-700 dark:text-gray-300">Drag and drop scan files here, or</p>
      <input
        id={FILE_INPUT_ID}
        type="file"
        ref={inputRef}
        multiple
        accept={ACCEPT}
        disabled={disabled}
        aria-describedby={`${FILE_INPUT_ID}-hint`}
        className="peer sr-only"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
      <label
        htmlFor={FILE_INPUT_ID}
        className="mt-3 cursor-pointer rounded-lg bg-blue-700 px-4 py-2 text-sm font-medium text-white shadow-sm peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600 hover:bg-blue-800 peer-disabled:cursor-not-allowed peer-disabled:bg-gray-600 dark:bg-blue-500 dark:text-gray-950 dark:peer-focus-visible:outline-blue-400 dark:hover:bg-blue-400 dark:peer-disabled:bg-gray-500"
      >
        Choose files
      </label>
      <p id={`${FILE_INPUT_ID}-hint`} className="mt-3 text-xs text-gray-600 dark:text-gray-400">
        CSV, Test-ProxyLogon .log, Health Checker .json, nmap .xml or a .zip of them; up to {formatBytes(maxBytes)} in all. Importing starts
        at once.
      </p>
    </div>
  );
}
