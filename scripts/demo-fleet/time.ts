// Day arithmetic in UTC, so the demo's dates do not depend on the machine's time zone.
export const DAY = 86_400_000;
export const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
