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

/**
 * Inskrivningsmeddelande (the law): within 24 hours of admission when the physician assessed
 * the needs at admission, within 24 hours of the assessment when it came later in the stay.
 * Our reading of "at admission", configurable (configKey "inskrivningsmeddelande"): an
 * assessment within the law's first 24 hours of the stay.
 */
export const inskrivningsmeddelandeDeadline: DeadlineRule = {
  kind: 'duration',
  amount: 24,
  unit: 'hours',
  from: { event: 'admitted', ifTriggerWithinHours: 24 },
  configKey: 'inskrivningsmeddelande',
};

/** SIP kallelse (Göteborgsområdet): within 3 calendar days of UK, whatever came in between. */
export const sipKallelseDeadline: DeadlineRule = {
  kind: 'duration',
  amount: 3,
  unit: 'calendar-days',
  from: { event: 'utskrivningsklar' },
  configKey: 'sip-kallelse',
};
