"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FIELD, HINT, LABEL, PRIMARY_BUTTON } from "./styles";

type Result = { status: "idle" | "success" | "error"; message?: string };
const MAX_BYTES = 256 * 1024;
const LOGO_ROUTE = "/api/v1/branding/logo";

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `The server answered ${res.status}.`;
  } catch {
    return `The server answered ${res.status}.`;
  }
}

/**
 * The logo on client reports: sent as the body of PUT /api/v1/branding/logo (a server action's body limit is
 * smaller than a logo may be). The server checks the bytes; the size is checked here first only to answer sooner.
 */
export function BrandingLogoForm({ logoUrl }: { logoUrl: string | null }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<Result>({ status: "idle" });
  const [pending, setPending] = useState(false);

  async function send(method: "PUT" | "DELETE", body?: File) {
    setPending(true);
    try {
      const res = await fetch(LOGO_ROUTE, { method, body, headers: body ? { "content-type": "application/octet-stream" } : undefined });
      if (!res.ok) return setResult({ status: "error", message: await errorOf(res) });
      setResult({ status: "success", message: method === "PUT" ? "Logo saved." : "Logo removed." });
      if (input.current) input.current.value = "";
      router.refresh();
    } catch {
      setResult({ status: "error", message: "The logo could not be sent. Check the connection and try again." });
    } finally {
      setPending(false);
    }
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setResult({ status: "error", message: "Choose a PNG or JPEG file." });
    if (file.size > MAX_BYTES) return setResult({ status: "error", message: "The logo must be at most 256 KB." });
    void send("PUT", file);
  }

  return (
    <div className="space-y-4">
      {result.status !== "idle" ? (
        <p role={result.status === "error" ? "alert" : "status"} className={`text-sm ${result.status === "error" ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}>
          {result.message}
        </p>
      ) : null}
      {logoUrl ? (
        // The stored logo as a data URL (checked PNG or JPEG): nothing for next/image to optimise.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={logoUrl} alt="Current logo" className="h-12 w-auto max-w-40 rounded border border-gray-200 object-contain p-1 dark:border-gray-700" />
      ) : (
        <p className="text-sm text-gray-600 dark:text-gray-400">No logo yet.</p>
      )}
      <form onSubmit={onSubmit} className="max-w-md space-y-4">
        <div>
          <label htmlFor="branding-logo" className={LABEL}>
            Logo file
          </label>
          <p id="branding-logo-hint" className={HINT}>
            PNG or JPEG, at most 256 KB.
          </p>
          <input ref={input} id="branding-logo" name="logo" type="file" accept="image/png,image/jpeg" aria-describedby="branding-logo-hint" className={`${FIELD} w-full`} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={PRIMARY_BUTTON} disabled={pending} aria-busy={pending}>
            {pending ? "Saving…" : "Upload logo"}
          </button>
          {logoUrl ? (
            <button
              type="button"
              onClick={() => void send("DELETE")}
              disabled={pending}
              className="rounded-lg border border-gray-300 px-4 py-2 text-sm font-medium hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-800"
            >
              Remove logo
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
