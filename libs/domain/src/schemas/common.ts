import { z } from 'zod';

const EARLIEST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const LATEST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/** An instant with an explicit offset, e.g. 2026-11-23T08:15:00+01:00 or ...Z. */
export const instantSchema = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 date-time with offset, e.g. 2026-11-23T08:15:00+01:00',
  })
  .transform((value) => new Date(value))
  // PostgreSQL's timestamptz refuses year 0000, and an offset can move 0001-01-01 or
  // 9999-12-31 out of the four-digit years in UTC.
  .refine(
    (date) => date.getTime() >= EARLIEST_INSTANT && date.getTime() <= LATEST_INSTANT,
    'must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z',
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
