import type { DeadlineRule } from '../../model';

/**
 * v2 builds with v1's builders and shared conditions (v1 is frozen, so they cannot drift) and
 * adds what v2 needs on top.
 */
export * from '../v1/helpers';

/**
 * "Omgående" as a deadline a prompt unit meets: within the hour of the trigger. One configKey
 * for every such deadline, so a deployment that agrees on "the same working day" changes it
 * in one place (deadline override "omgaende").
 */
export const omgaende: DeadlineRule = {
  kind: 'immediately',
  allowance: { kind: 'duration', amount: 1, unit: 'hours' },
  configKey: 'omgaende',
};
