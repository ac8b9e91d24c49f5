import { ApplicationFailure } from '@temporalio/common';
import { PROJECTION_DATA_ERROR } from '@app/workflows';

/** SQLSTATE classes of writes that can never succeed: 22 data exception, 23 integrity. */
const NEVER_SUCCEEDS = /^2[23][0-9A-Z]{3}$/;
const SQLSTATE = /^[0-9][0-9A-Z]{4}$/;

/**
 * The SQLSTATE in an error from node-postgres, from Prisma's driver adapter
 * (`originalCode` on the adapter's error, under `meta.driverAdapterError`) or from
 * anything that wraps them as its `cause`.
 */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const candidate = current as {
      code?: unknown;
      originalCode?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
      cause?: unknown;
    };
    for (const code of [
      candidate.originalCode,
      candidate.code,
      candidate.meta?.driverAdapterError?.cause?.originalCode,
      candidate.meta?.driverAdapterError?.cause?.code,
    ])
      if (typeof code === 'string' && SQLSTATE.test(code)) return code;
    current = candidate.cause;
  }
  return undefined;
}

/** Our own refusals of a write's shape: Prisma's argument validation and zod. */
const isValidationError = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'PrismaClientValidationError' || error.name === 'ZodError');

/**
 * What a projection activity throws: a write PostgreSQL (or our validation) refuses for good
 * becomes a non-retryable ApplicationFailure of type PROJECTION_DATA_ERROR, naming the
 * SQLSTATE only (a database message can quote the refused value); anything else, an outage
 * above all, is rethrown as it is and retried.
 */
export function asProjectionFailure(activity: string, error: unknown): unknown {
  const sqlState = sqlStateOf(error);
  const refused = sqlState !== undefined ? NEVER_SUCCEEDS.test(sqlState) : isValidationError(error);
  if (!refused) return error;
  return ApplicationFailure.create({
    type: PROJECTION_DATA_ERROR,
    message: `${activity} was refused by ${sqlState ? `PostgreSQL (SQLSTATE ${sqlState})` : 'validation'}; retrying cannot help`,
    nonRetryable: true,
    details: [{ sqlState: sqlState ?? null, activity }],
  });
}

/** Wraps each activity so that its never-succeeding failures are not retried. */
export function withProjectionFailures<T extends object>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, activity]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await (activity as (...a: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          throw asProjectionFailure(name, error);
        }
      },
    ]),
  ) as T;
}
