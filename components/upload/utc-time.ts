// A datetime-local input has no zone; the page labels it as UTC and sends it with a Z,
// so what the user typed is what the server stores, whatever the browser's zone.
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?$/;

/** "2021-03-10T09:00" -> "2021-03-10T09:00:00Z"; empty or malformed -> undefined. */
export function utcInputToIso(value: string): string | undefined {
  const match = LOCAL.exec(value.trim());
  if (!match) return undefined;
  const iso = `${match[1]}T${match[2]}${match[3] ?? ":00"}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}
