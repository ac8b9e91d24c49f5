import { z } from 'zod';

/** An instant with an explicit offset, e.g. 2026-11-23T08:15:00+01:00 or ...Z. */
export const instantSchema = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 date-time with offset, e.g. 2026-11-23T08:15:00+01:00',
  })
  .transform((value) => new Date(value));

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
