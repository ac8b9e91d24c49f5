import type { HttpException } from '@nestjs/common';
import type { AppError, AppErrorKind, FieldProblem } from '@app/domain';

/** RFC 9457 problem details, as every error response of the API is shaped. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: readonly FieldProblem[];
}

const byKind: Record<AppErrorKind, { status: number; title: string }> = {
  'invalid-input': { status: 400, title: 'Felaktig begäran' },
  unprocessable: { status: 422, title: 'Begäran kan inte utföras' },
  'payload-too-large': { status: 413, title: 'För stor begäran' },
  'unsupported-media-type': { status: 415, title: 'Fel innehållstyp' },
  'not-found': { status: 404, title: 'Hittades inte' },
  unauthenticated: { status: 401, title: 'Inloggning krävs' },
  forbidden: { status: 403, title: 'Behörighet saknas' },
  conflict: { status: 409, title: 'Konflikt' },
  'idempotency-mismatch': { status: 422, title: 'Idempotency-Key återanvänd' },
  unavailable: { status: 503, title: 'Tjänsten är tillfälligt otillgänglig' },
};

export function problemFromAppError(error: AppError, instance: string): ProblemDetails {
  return {
    ...problemFromKind(error.kind, error.message),
    instance,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  };
}

/**
 * Nest's own exceptions: unknown routes (404) and the body parser's refusals (400 for
 * malformed JSON, 413 for an oversize body) arrive as HttpExceptions.
 */
export function problemFromHttpException(error: HttpException, instance: string): ProblemDetails {
  const status = error.getStatus();
  if (status === 404)
    return { ...problemFromKind('not-found', `No resource at ${instance}`), instance };
  if (status === 413)
    return {
      ...problemFromKind('payload-too-large', 'The request body is too large'),
      instance,
      errors: [{ field: 'body', reason: 'exceeds the size limit' }],
    };
  if (status === 400)
    return {
      ...problemFromKind('invalid-input', 'The request body is not valid JSON'),
      instance,
      errors: [{ field: 'body', reason: error.message }],
    };
  return { type: '/problems/http', title: error.message, status, detail: error.message, instance };
}

function problemFromKind(kind: AppErrorKind, detail: string): ProblemDetails {
  const { status, title } = byKind[kind];
  return { type: `/problems/${kind}`, title, status, detail };
}
