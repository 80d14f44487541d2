// The one error class of the app. Anything thrown as an AppError reaches a client as
// {"error": {"code", "message", "details"?}} with its status; anything else becomes a
// generic 500 without internals.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found.`);
