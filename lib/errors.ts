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

/** The database is away (stopped, restarting, unreachable): lib/data/database-unavailable.ts tells such errors apart. */
export const databaseUnavailable = () => new AppError(503, "database_unavailable", "The database is not answering; try again in a moment.");
