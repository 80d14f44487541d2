"use client";

import { useEffect, useSyncExternalStore } from "react";
import { applyTheme, readTheme, serverTheme, setTheme, subscribeTheme, type ThemeChoice } from "./theme-store";

const OPTIONS: { value: ThemeChoice; label: string; icon: React.ReactNode }[] = [
  {
    value: "light",
    label: "Light theme",
    icon: (
      <path d="M12 4V2m0 20v-2m8-8h2M2 12h2m13.66-5.66 1.41-1.41M4.93 19.07l1.41-1.41m0-11.32L4.93 4.93m14.14 14.14-1.41-1.41M16 12a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z" />
    ),
  },
  {
    value: "system",
    label: "System theme",
    icon: <path d="M4 5h16v11H4zM9 20h6m-3-4v4" />,
  },
  {
    value: "dark",
    label: "Dark theme",
    icon: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />,
  },
];

/** Light / system / dark, remembered in localStorage; system follows prefers-color-scheme. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribeTheme, readTheme, serverTheme);

  useEffect(() => {
    applyTheme(choice);
  }, [choice]);

  return (
    <div role="group" aria-label="Color theme" className="flex items-center rounded-lg border border-gray-300 p-0.5 dark:border-gray-700">
      {OPTIONS.map((option) => {
        const pressed = option.value === choice;
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={pressed}
            title={option.label}
            onClick={() => setTheme(option.value)}
            className={`rounded-md p-1.5 transition-colors ${
              pressed
                ? "bg-gray-900 text-white dark:bg-gray-100 dark:text-gray-900"
                : "text-gray-600 hover:bg-gray-100 hover:text-gray-900 dark:text-gray-300 dark:hover:bg-gray-800 dark:hover:text-white"
            }`}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
              {option.icon}
            </svg>
            <span className="sr-only">{option.label}</span>
          </button>
        );
      })}
    </div>
  );
}
