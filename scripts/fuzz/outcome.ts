// What a fuzz input may end in, and the one error for what it may not: a crash (a thrown error that is not the
// app's own), a row the database could not store, a 500, an answer of the wrong shape, or a hang. (Memory is watched
// over batches of inputs: run-target.ts.)
export type FailureKind = "crash" | "bad-record" | "server-error" | "bad-answer" | "hang";

export class FuzzFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** the original error's stack, or the answer's body */
    readonly detail?: string,
  ) {
    super(`${kind}: ${message}`);
    this.name = "FuzzFailure";
  }
}

/** The reader layer's result for one input: rows read, or the file refused with a typed error. */
export interface ParserOutcome {
  accepted: number;
  rejected: number;
  /** the ImportFileError / AppError code when the file was refused */
  refused: string | null;
  ms: number;
}

/** The route's answer to one upload. */
export interface RouteOutcome {
  status: number;
  /** the error code of a 4xx (or of an NDJSON error line) */
  code: string | null;
  ms: number;
}

/**
 * Resolves as `work` does, or fails with a hang after `ms`. The timer keeps the process alive: work waiting on a
 * promise nothing will settle leaves the event loop empty, and Node would exit in silence instead of reporting it.
 */
export async function withTimeLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FuzzFailure("hang", `${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
