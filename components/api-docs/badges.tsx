import type { Method } from "@/lib/api/openapi/operation";

const METHOD_STYLES: Record<Method, string> = {
  get: "bg-blue-100 text-blue-900 dark:bg-blue-500/20 dark:text-blue-100",
  post: "bg-green-100 text-green-900 dark:bg-green-500/20 dark:text-green-100",
  put: "bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-100",
  delete: "bg-red-100 text-red-900 dark:bg-red-500/20 dark:text-red-100",
};

export function MethodBadge({ method }: { method: Method }) {
  return <span className={`inline-block w-16 shrink-0 rounded-md px-2 py-0.5 text-center font-mono text-xs font-semibold uppercase ${METHOD_STYLES[method]}`}>{method}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const style = status.startsWith("2")
    ? "bg-green-100 text-green-900 dark:bg-green-500/20 dark:text-green-100"
    : status.startsWith("4")
      ? "bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-100"
      : "bg-red-100 text-red-900 dark:bg-red-500/20 dark:text-red-100";
  return <span className={`inline-block rounded-md px-1.5 py-0.5 font-mono text-xs font-semibold ${style}`}>{status}</span>;
}
