import {
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
  type ConnectionOptions,
} from '@temporalio/client';

/**
 * How long one call to Temporal from a front door (the API, the HL7 listener) may take, its
 * retries included. Without it a request waits out the client's gRPC retries while Temporal is
 * down (about 18 s) and, for an Update, however long the workflow takes (a worker that died
 * mid-task, PostgreSQL down under a projection). Past it the call fails with DEADLINE_EXCEEDED,
 * which the caller answers as unavailable (503 with Retry-After, an HL7 AE asking for a resend);
 * retrying with the same key returns the Update's outcome once it has one, and the Update
 * itself is not cancelled.
 */
export const TEMPORAL_CALL_DEADLINE_MS = 10_000;

type GrpcInterceptor = NonNullable<ConnectionOptions['interceptors']>[number];

/** Outermost, so that the deadline bounds the retries too. */
const callDeadline: GrpcInterceptor = (options, nextCall) =>
  nextCall({
    ...options,
    deadline: options.deadline ?? Date.now() + TEMPORAL_CALL_DEADLINE_MS,
  }) as ReturnType<GrpcInterceptor>;

/** The client's default retries, inside the deadline. */
export function boundedCallInterceptors(): GrpcInterceptor[] {
  return [callDeadline, makeGrpcRetryInterceptor(defaultGrpcRetryOptions())];
}
