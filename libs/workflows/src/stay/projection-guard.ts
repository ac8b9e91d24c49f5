import { ActivityFailure, ApplicationFailure, patched, uuid4 } from '@temporalio/workflow';
import type { StayActivities } from '../activities';
import { PROJECTION_DATA_ERROR, StayFailure } from './messages';
import { Patch } from './patches';

/** Is this the failure the guard raises for a refused projection (already recorded)? */
export const isProjectionFailure = (error: unknown): error is ApplicationFailure =>
  error instanceof ApplicationFailure && error.type === StayFailure.projectionFailed;

/**
 * The stay's activities, each guarded: when one fails with a projection data error (the
 * worker raises it non-retryable for PostgreSQL's data and integrity errors), the failure is
 * recorded on the stay and raised as a ProjectionFailed ApplicationFailure, which fails the
 * Update that caused it with a clear error. Other failures pass unchanged.
 */
export function guardProjections(raw: StayActivities, stayId: string): StayActivities {
  const guard = async (projection: string, call: () => Promise<unknown>): Promise<unknown> => {
    try {
      return await call();
    } catch (error) {
      const cause = error instanceof ActivityFailure ? error.cause : undefined;
      if (
        !(cause instanceof ApplicationFailure) ||
        cause.type !== PROJECTION_DATA_ERROR ||
        !patched(Patch.projectionFailures)
      )
        throw error;
      const details = cause.details?.[0] as { sqlState?: unknown } | undefined;
      const sqlState = typeof details?.sqlState === 'string' ? details.sqlState : null;
      try {
        await raw.recordProjectionFailure({
          id: uuid4(),
          stayId,
          projection,
          sqlState,
          failedAt: new Date().toISOString(),
        });
      } catch (recordError) {
        // Not even the record could be written: the Update must still finish.
        if (!(recordError instanceof ActivityFailure)) throw recordError;
      }
      throw ApplicationFailure.create({
        type: StayFailure.projectionFailed,
        message: `The read model refused ${projection} (SQLSTATE ${sqlState ?? 'none'}); the failure is recorded on the stay`,
        nonRetryable: true,
      });
    }
  };
  return new Proxy(raw, {
    get(target, name: string) {
      const activity = (
        target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
      )[name];
      if (name === 'recordProjectionFailure' || typeof activity !== 'function') return activity;
      return (...args: unknown[]) => guard(name, () => activity(...args));
    },
  });
}

/**
 * Runs a step of the workflow's own loop (deadlines, reminders, the 7-day flag, closing):
 * a refused projection is recorded already and must not fail the stay's workflow.
 */
export async function survivingProjectionFailure(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!isProjectionFailure(error)) throw error;
  }
}
