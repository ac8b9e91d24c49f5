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
  'projection-failed': { status: 500, title: 'Ändringen kunde inte sparas' },
  'rate-limited': { status: 429, title: 'För många förfrågningar' },
};

export function problemFromAppError(error: AppError, instance: string): ProblemDetails {
  return {
    ...problemFromKind(error.kind, error.message),
    instance,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  };
}

/**
 * Nest's own exceptions: unknown routes (404) and malformed JSON (400) arrive as
 * HttpExceptions. (The body parser's other refusals do not: see problemFromBodyParserError.)
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

/**
 * The JSON body parser's refusals other than malformed JSON (an oversize body, an unsupported
 * charset or Content-Encoding, a body shorter than its Content-Length) reach the filter as
 * the parser's own errors, which Nest passes on unmapped: without this they were 500s.
 * They are http-errors with a 4xx `status` and `expose: true`, and mostly a `type` (e.g.
 * "entity.too.large"; a gzip body that does not inflate has none).
 */
export function problemFromBodyParserError(
  error: unknown,
  instance: string,
): ProblemDetails | undefined {
  const { type, status, expose } = (error ?? {}) as {
    type?: unknown;
    status?: unknown;
    expose?: unknown;
  };
  if (typeof status !== 'number' || expose !== true) return undefined;
  if (status < 400 || status > 499) return undefined;
  if (type === 'entity.too.large')
    return {
      ...problemFromKind('payload-too-large', 'The request body is too large'),
      instance,
      errors: [{ field: 'body', reason: 'exceeds the size limit (100 kB)' }],
    };
  if (type === 'charset.unsupported')
    return {
      ...problemFromKind('unsupported-media-type', 'The request body has an unsupported charset'),
      instance,
      errors: [{ field: 'header.Content-Type', reason: 'must be application/json in UTF-8' }],
    };
  if (type === 'encoding.unsupported')
    return {
      ...problemFromKind('unsupported-media-type', 'The request body has an unsupported encoding'),
      instance,
      errors: [{ field: 'header.Content-Encoding', reason: 'must be identity, gzip or deflate' }],
    };
  return {
    ...problemFromKind('invalid-input', 'The request body could not be read'),
    instance,
    errors: [{ field: 'body', reason: (error as Error).message }],
  };
}
