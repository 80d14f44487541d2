"use client";

import { useSyncExternalStore } from "react";

// One timer for every relative time on the page; "now" moves once a minute, so renders in the same
// minute (the server's and the browser's first) agree.
const MINUTE = 60_000;
const minute = () => Math.floor(Date.now() / MINUTE) * MINUTE;
let now = minute();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = minute();
    for (const l of listeners) l();
  }, MINUTE);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in milliseconds, to the minute. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, minute);
}

const noop = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => "UTC";

/** The viewer's time zone in the browser; UTC while rendering on the server and hydrating. */
export function useTimeZone(): string {
  return useSyncExternalStore(noop, browserZone, serverZone);
}
