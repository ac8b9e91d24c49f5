import type { ZodError } from 'zod';

/** One bad input field and why it was refused. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export type AppErrorKind =
  /** Malformed input: wrong shape, type or format. */
  | 'invalid-input'
  /** Well-formed input that cannot be applied (unknown unit, outcome not allowed, …). */
  | 'unprocessable'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'not-found'
  /** No valid credentials (missing, expired or foreign bearer token). */
  | 'unauthenticated'
  /** Signed in, but the user may not do this (another unit's queue, a role without the right). */
  | 'forbidden'
  | 'conflict'
  | 'idempotency-mismatch'
  | 'unavailable'
  /**
   * The change reached the stay's workflow, but PostgreSQL refused to store it for good (a
   * data or integrity error); recorded on the stay for processägare. Retrying cannot help.
   */
  | 'projection-failed'
  /** Over a rate limit (per user or per IP); Retry-After says when to try again. */
  | 'rate-limited';

/**
 * The one error type the services throw. It knows nothing of HTTP: the API maps it to
 * RFC 9457 problem+json at the edge, the worker to Temporal failures.
 */
export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static invalidInput(message: string, fields: readonly FieldProblem[]): AppError {
    return new AppError('invalid-input', message, fields);
  }

  static unprocessable(message: string, fields: readonly FieldProblem[]): AppError {
    return new AppError('unprocessable', message, fields);
  }

  static notFound(message: string): AppError {
    return new AppError('not-found', message);
  }

  static unauthenticated(message: string): AppError {
    return new AppError('unauthenticated', message);
  }

  static forbidden(message: string): AppError {
    return new AppError('forbidden', message);
  }

  static conflict(message: string): AppError {
    return new AppError('conflict', message);
  }

  static unavailable(message: string, retryAfterSeconds = 5): AppError {
    return new AppError('unavailable', message, [], retryAfterSeconds);
  }

  static rateLimited(message: string, retryAfterSeconds: number): AppError {
    return new AppError('rate-limited', message, [], retryAfterSeconds);
  }

  static projectionFailed(message: string): AppError {
    return new AppError('projection-failed', message);
  }
}

/** Turns zod issues into field problems; `prefix` names where the input came from (body, query). */
export function fieldProblemsFromZod(error: ZodError, prefix?: string): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    reason: issue.message,
  }));
}
