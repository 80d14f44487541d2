/** URL slug for an organization name: "Birch & Sons, LLC" -> "birch-sons-llc". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "organization";
}

/** Names and hostnames match case-insensitively and ignoring surrounding space. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
