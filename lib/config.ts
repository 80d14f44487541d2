// Runtime settings read from the environment in one place.
const MB = 1024 * 1024;

export function maxUploadBytes(): number {
  const mb = Number(process.env.PATCHBOARD_MAX_UPLOAD_MB ?? 512);
  return (Number.isFinite(mb) && mb > 0 ? mb : 512) * MB;
}

export function demoEnabled(): boolean {
  return process.env.PATCHBOARD_DEMO !== "0";
}
