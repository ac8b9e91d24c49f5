import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { google } from '@temporalio/proto';
import { AppError } from '@app/domain';
import { StayFailure } from '@app/workflows';

/**
 * Maps errors from Temporal and PostgreSQL to AppErrors, so that the
 * rest of the API never needs to know their shapes.
 */
export function fromInfrastructureError(error: unknown): AppError | undefined {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
    return fromWorkflowFailure(error.cause);
  if (error instanceof WorkflowNotFoundError) return AppError.notFound('The stay was not found');
  if (
    isGrpcServiceError(error) ||
    isUnavailable(error) ||
    isTemporalUnreachable(error) ||
    isWorkflowNotReady(error) ||
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError
  )
    return AppError.unavailable('A backing service is unavailable; try again shortly');
  return undefined;
}

function fromWorkflowFailure(failure: ApplicationFailure): AppError {
  switch (failure.type) {
    case StayFailure.taskNotFound:
      return AppError.notFound(failure.message);
    case StayFailure.taskAlreadyDone:
    case StayFailure.taskClaimedByOther:
    case StayFailure.taskNotClaimed:
    case StayFailure.stayEnded:
      return AppError.conflict(failure.message);
    case StayFailure.invalidOutcome:
      return AppError.unprocessable(failure.message, [
        { field: 'body.outcome', reason: failure.message },
      ]);
    case StayFailure.invalidRouting:
      return AppError.unprocessable(failure.message, [
        { field: 'body.receivingUnitId', reason: failure.message },
      ]);
    case StayFailure.sameUnit:
      return AppError.unprocessable(failure.message, [
        { field: 'body.toUnitId', reason: failure.message },
      ]);
    case StayFailure.unknownEventType:
      return AppError.unprocessable(failure.message, [
        { field: 'body.type', reason: failure.message },
      ]);
    case StayFailure.projectionFailed:
      return AppError.projectionFailed(
        'The change was registered, but the database refused to store it; it is recorded on the stay for the process owner. Retrying will not help.',
      );
    default:
      return AppError.conflict(failure.message);
  }
}

/** gRPC UNAVAILABLE, DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED: Temporal cannot answer now. */
const GRPC_RETRYABLE = new Set([14, 4, 8]);

/** The client wraps a failed call in a ServiceError whose cause is the gRPC error. */
function isTemporalUnreachable(error: unknown): boolean {
  if (!(error instanceof ServiceError)) return false;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' && GRPC_RETRYABLE.has(code);
}

/**
 * The stay's workflow cannot take an Update right now: its last Workflow Task failed or timed
 * out (a worker died mid-task), and Temporal refuses Updates (FAILED_PRECONDITION with a
 * WorkflowNotReadyFailure) until a worker completes the next one. Transient, so 503.
 */
function isWorkflowNotReady(error: unknown): boolean {
  if (!(error instanceof ServiceError)) return false;
  const cause = error.cause as
    { code?: unknown; metadata?: { get(key: string): unknown[] } } | undefined;
  if (cause?.code !== 9 || typeof cause.metadata?.get !== 'function') return false;
  const status = cause.metadata.get('grpc-status-details-bin')[0];
  if (!(status instanceof Uint8Array)) return false;
  try {
    return google.rpc.Status.decode(status).details.some((detail) =>
      detail.type_url?.endsWith('/temporal.api.errordetails.v1.WorkflowNotReadyFailure'),
    );
  } catch {
    return false;
  }
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'P1001',
  'P2024',
  '57P01',
]);

/** Prisma's driver-adapter errors that mean PostgreSQL cannot answer now. */
const UNAVAILABLE_DRIVER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'TooManyConnections',
  'SocketTimeout',
]);

function isUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (isUnavailableDriverError(current) || isUnavailablePgError(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * node-postgres itself, for a statement run on the pool without Prisma: SQLSTATE class 08
 * (connection exception) and 57P0x, or the connection lost mid-statement, which it reports
 * as an Error without a code.
 */
function isUnavailablePgError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(08[0-9A-Z]{3}|57P0[0-9])$/.test(code)) return true;
  return error instanceof Error && error.message.startsWith('Connection terminated');
}

/**
 * A raw query ($queryRaw) reports an unreachable server as P2010 "raw query failed", not
 * P1001; both carry the driver adapter's error, which says what happened.
 */
function isUnavailableDriverError(error: unknown): boolean {
  const cause = (
    error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } }
  ).meta?.driverAdapterError?.cause;
  if (typeof cause?.kind !== 'string') return false;
  if (UNAVAILABLE_DRIVER_KINDS.has(cause.kind)) return true;
  // SQLSTATE class 08 (connection exception) and 57P0x (shutting down, starting up).
  return (
    cause.kind === 'postgres' && typeof cause.code === 'string' && /^(08|57P0)/.test(cause.code)
  );
}
