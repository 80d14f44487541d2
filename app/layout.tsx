import type { Metadata } from "next";
import { connection } from "next/server";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Patchboard", template: "%s · Patchboard" },
  description: "Patch and compromise status of Exchange servers for every known-exploited Exchange emergency.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Render every page per request, including the 404 page (otherwise prerendered at build):
  // proxy.ts sends a fresh CSP nonce with each response, and Next can only put it on its
  // scripts when it renders the page for that request.
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only rounded-md bg-blue-700 px-4 py-2 font-medium text-white focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 focus:outline-none sm:px-6">
          {children}
        </main>
        <footer className="border-t print:hidden border-gray-200 py-6 text-center text-xs text-gray-600 dark:border-gray-800 dark:text-gray-400">
          Exchange Server emergencies: ProxyLogon, ProxyShell, ProxyNotShell and OWASSRF, CVE-2020-0688, CVE-2021-42321 · builds and fixes from Microsoft CSS-Exchange, CISA KEV
        </footer>
      </body>
    </html>
  );
}
