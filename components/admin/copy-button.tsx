"use client";

import { useState } from "react";
import { SECONDARY_BUTTON } from "./styles";

/**
 * Copies `text` to the clipboard. Where the Clipboard API is missing or refused (plain http on an
 * intranet address), it selects the element `selectId` instead so that Ctrl+C copies it.
 */
export function CopyButton({ text, selectId, label = "Copy" }: { text: string; selectId: string; label?: string }) {
  const [message, setMessage] = useState("");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage("Copied to the clipboard.");
    } catch {
      const element = document.getElementById(selectId);
      const selection = window.getSelection();
      if (element && selection) selection.selectAllChildren(element);
      setMessage("The browser did not allow copying: the token is selected, press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={copy} className={SECONDARY_BUTTON}>
        {label}
      </button>
      <span role="status" className="text-sm text-gray-700 dark:text-gray-300">
        {message}
      </span>
    </div>
  );
}
