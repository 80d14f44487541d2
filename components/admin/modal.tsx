"use client";

import { useEffect, useRef } from "react";

/**
 * A native modal <dialog>: the browser keeps focus inside it, closes it on Escape and hides the rest of
 * the page from screen readers. Focus starts on the element marked `data-autofocus`. Render it only while open; `onClose` runs however it closes, and the
 * caller puts focus back on the button that opened it.
 */
export function Modal({
  labelledBy,
  describedBy,
  onClose,
  dialogRef,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  /** to close it from inside, e.g. after the action succeeded */
  dialogRef?: React.RefObject<HTMLDialogElement | null>;
  children: React.ReactNode;
}) {
  const ownRef = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? ownRef;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // Otherwise the browser picks the first focusable element, which may be the destructive button.
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [ref]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-gray-200 bg-white p-0 text-left text-gray-900 shadow-xl backdrop:bg-gray-950/60 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100"
    >
      <div className="max-h-[calc(100vh-4rem)] overflow-y-auto p-6">{children}</div>
    </dialog>
  );
}
