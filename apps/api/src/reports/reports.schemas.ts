import { z } from 'zod';
import { isDateInRange, kommunCodeSchema } from '@app/domain';

export const monthSchema = z
  .string({ error: 'is required (YYYY-MM)' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM')
  // Year 0000 or 0001 made the month's bounds dates PostgreSQL refuses (a 500).
  .refine(isDateInRange, 'must lie between 1900-01 and 2199-12');

export const betalningsansvarQuerySchema = z.strictObject({
  month: monthSchema,
  kommun: kommunCodeSchema.optional(),
});

export const correctionSchema = z.strictObject({
  stayId: z.uuid('must be a stay id (uuid)'),
  ukDays: z.number().int('must be whole days').min(0).max(366),
  reason: z.string().trim().min(3, 'must say why (at least 3 characters)').max(500),
});
export type CorrectionRequest = z.infer<typeof correctionSchema>;

const correctionRecordSchema = z.object({
  id: z.string(),
  ukDays: z.number(),
  reason: z.string(),
  correctedBy: z.string(),
  correctedAt: z.string(),
});

export const betalningsansvarResponseSchema = z.object({
  month: z.string(),
  kommun: z.string().nullable(),
  dailyAmount: z.object({
    year: z.number(),
    amountSek: z.number(),
    setForYear: z.number(),
    note: z.string(),
  }),
  freezesAt: z.string(),
  frozen: z.boolean(),
  kommuner: z.array(
    z.object({
      kommunCode: z.string(),
      agreement: z.enum(['vgr', 'national']),
      inGoteborgsomradet: z.boolean(),
      cases: z.number(),
      notBillableCases: z.number(),
      mean: z.object({
        cases: z.number(),
        ukDays: z.number(),
        meanUkDays: z.number(),
        excessDays: z.number(),
        amountSek: z.number(),
      }),
      individual: z.object({ cases: z.number(), ukDays: z.number(), amountSek: z.number() }),
      vgrAmountSek: z.number(),
      national: z.object({ days: z.number(), amountSek: z.number() }),
      amountDueSek: z.number(),
    }),
  ),
  stays: z.array(
    z.object({
      stayId: z.string(),
      kommunCode: z.string(),
      end: z.enum(['discharged', 'died', 'transferred']),
      endedAt: z.string(),
      ukDays: z.number(),
      computedUkDays: z.number(),
      preconditions: z.object({
        inskrivningsmeddelande: z.boolean(),
        ukNotice: z.boolean(),
        sipKallelse: z.boolean(),
      }),
      billing: z.enum(['mean', 'individual', 'not-billable']),
      individualAmountSek: z.number(),
      nationalDays: z.number(),
      nationalAmountSek: z.number(),
      corrections: z.array(correctionRecordSchema),
    }),
  ),
});
export type BetalningsansvarResponse = z.infer<typeof betalningsansvarResponseSchema>;

export const correctionResponseSchema = correctionRecordSchema.extend({
  stayId: z.string(),
  month: z.string(),
  computedUkDays: z.number(),
  freezesAt: z.string(),
});
