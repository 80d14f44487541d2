// The server's own log lines (requests, shutdown steps): one JSON object per line on stdout, the time first, so a
// log collector can read them without a pattern. What goes into the fields is the callers' care (request-log.ts).

export function logLine(event: string, fields: Record<string, unknown>, now = new Date()): string {
  return JSON.stringify({ time: now.toISOString(), event, ...fields });
}
