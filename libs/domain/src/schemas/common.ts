import { z } from 'zod';

/**
 * The years an instant or date of the process may lie in. Outside them deadlines computed
 * from the input leave what PostgreSQL and the workflow can hold (a due time after
 * 9999-12-31, year 0000) and admissions never completed; nothing in a hospital stay lies there.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';
const EARLIEST_INSTANT = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const LATEST_INSTANT = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);
const inRangeMessage = `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`;

/** True for a YYYY-MM-DD (or YYYY-MM) in the years above. */
export const isDateInRange = (date: string): boolean =>
  date >= EARLIEST_DATE.slice(0, date.length) && date <= LATEST_DATE.slice(0, date.length);

/** A calendar date, YYYY-MM-DD, in the years above. */
export const calendarDateSchema = z.iso
  .date('must be a date, YYYY-MM-DD')
  .refine(isDateInRange, inRangeMessage);

/** An instant with an explicit offset, e.g. 2026-11-23T08:15:00+01:00 or ...Z. */
export const instantSchema = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 date-time with offset, e.g. 2026-11-23T08:15:00+01:00',
  })
  .transform((value) => new Date(value))
  .refine(
    (date) => date.getTime() >= EARLIEST_INSTANT && date.getTime() <= LATEST_INSTANT,
    inRangeMessage,
  );

/** How far ahead of the server's clock an instant that has happened may lie (clock skew). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * When something happened (an admission, an event, a completion): an instant that is not in
 * the future. Deadlines run from it, so a mistyped day ahead would hide every task until then.
 */
export const happenedAtSchema = instantSchema.refine(
  (date) => date.getTime() <= Date.now() + CLOCK_SKEW_MS,
  'must not lie in the future',
);

/** Unit ids are opaque, lower-case slugs (e.g. "sv-sahlgrenska-avd-32"). */
export const unitIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'must be a unit id such as "sv-sahlgrenska-avd-32"');

export const kommunCodeSchema = z.string().regex(/^\d{4}$/, 'must be a 4-digit kommunkod');

export const idempotencyKeySchema = z
  .string({ error: 'header Idempotency-Key is required' })
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
