/** The `details` of an API error, whatever their shape, as a readable list. */
function describe(item: unknown): string {
  if (typeof item === "string") return item;
  if (item && typeof item === "object") {
    const o = item as Record<string, unknown>;
    if (typeof o.message === "string") {
      const where = o.line !== undefined ? `Line ${String(o.line)}` : typeof o.path === "string" && o.path ? o.path : "";
      return where ? `${where}: ${o.message}` : o.message;
    }
  }
  return JSON.stringify(item);
}

export function ErrorDetails({ details }: { details: unknown }) {
  if (details === undefined || details === null) return null;
  const items: string[] = Array.isArray(details)
    ? details.map(describe)
    : typeof details === "object"
      ? Object.entries(details as Record<string, unknown>).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : describe(value)}`)
      : [String(details)];
  if (items.length === 0) return null;
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5 text-sm break-words">
      {items.slice(0, 50).map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
