import { z } from 'zod';
import {
  calendarDateSchema as domainCalendarDateSchema,
  isDateInRange,
  careTypeSchema,
  kommunCodeSchema,
  overdueSorts,
  unitIdSchema,
} from '@app/domain';

const laneSchema = z.enum([
  'slutenvard',
  'regional_primarvard',
  'kommunal_primarvard',
  'kommunal_socialtjanst',
  'system',
]);
const activityIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'must be an activity id such as "send-sip-kallelse"');

/** A Swedish calendar date, YYYY-MM-DD (in the years the domain allows). */
export const calendarDateSchema = domainCalendarDateSchema;

export const overdueQuerySchema = z.strictObject({
  lane: laneSchema.optional(),
  unit: unitIdSchema.optional(),
  kommun: kommunCodeSchema.optional(),
  activity: activityIdSchema.optional(),
  /** Only tasks at least this many hours past their due time (the list's "age"). */
  minHoursOverdue: z.coerce.number().int().min(1).max(100_000).optional(),
  sort: z.enum(overdueSorts).default('most-overdue'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Rows to skip: the page's start (total says how many there are). */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The processägare's "Läget just nu": exact counts, no list. */
export const situationResponseSchema = z.object({
  asOf: z.string(),
  admittedStays: z.number().int(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  deviations: z.object({
    total: z.number().int(),
    /** Deviations that occurred in the last `days` days. */
    recent: z.number().int(),
    days: z.number().int(),
  }),
  byLane: z.array(
    z.object({ lane: laneSchema, open: z.number().int(), overdue: z.number().int() }),
  ),
});

const periodFields = {
  /** First day of the period (stays admitted from this day); default 29 days before `to`. */
  from: calendarDateSchema.optional(),
  /** Last day of the period, included; default today. */
  to: calendarDateSchema.optional(),
  kommun: kommunCodeSchema.optional(),
  ward: unitIdSchema.optional(),
  careType: careTypeSchema.optional(),
  /** frail: a CFS of 5 or more was recorded (seeds 003, 004); not-frail: the others. */
  frailty: z.enum(['frail', 'not-frail']).optional(),
};

export const kpiQuerySchema = z.strictObject(periodFields);
export type KpiQuery = z.infer<typeof kpiQuerySchema>;

export const whatIfSchema = z.strictObject({
  ...periodFields,
  /** The betalningsansvar month to recompute, YYYY-MM; default the month of `to`. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM')
    .refine(isDateInRange, 'must lie between 1900-01 and 2199-12')
    .optional(),
  rules: z
    .strictObject({
      sipKallelseDays: z.number().int().min(0).max(60).optional(),
      inskrivningsmeddelandeHours: z
        .number()
        .min(1)
        .max(24 * 30)
        .optional(),
      dailyAmountSek: z.number().min(0).max(1_000_000).optional(),
      vgrMeanThresholdDays: z.number().min(0).max(60).optional(),
      vgrIndividualAfterDays: z.number().int().min(0).max(365).optional(),
      nationalDaysAfterNotice: z.number().int().min(0).max(60).optional(),
    })
    .refine((r) => Object.keys(r).length > 0, 'must change at least one rule'),
});
export type WhatIfRequest = z.infer<typeof whatIfSchema>;

export const overdueResponseSchema = z.object({
  asOf: z.string(),
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(
    z.object({
      taskId: z.string(),
      stayId: z.string(),
      activityId: z.string(),
      unitId: z.string(),
      lane: laneSchema,
      status: z.enum(['open', 'claimed']),
      kommunCode: z.string(),
      wardUnitId: z.string(),
      triggeredAt: z.string(),
      dueAt: z.string(),
      hoursOverdue: z.number(),
      escalatedAt: z.string().nullable(),
    }),
  ),
});

const rateSchema = z.object({ of: z.number(), count: z.number(), share: z.number().nullable() });

export const kpiResultSchema = z.object({
  stays: z.number(),
  ukDays: z.object({
    stays: z.number(),
    total: z.number(),
    meanPerStay: z.number().nullable(),
    stillRunning: z.number(),
    distribution: z.array(z.object({ bucket: z.string(), stays: z.number() })),
  }),
  moreThanSevenDaysAfterUk: rateSchema,
  plannedDischargeDateMoves: z.object({
    stays: z.number(),
    moves: z.number(),
    perStay: z.number().nullable(),
  }),
  sipOffered: rateSchema,
  sipKallelseOnTime: rateSchema.extend({ deadlineDays: z.number() }),
  inskrivningsmeddelandeOnTime: rateSchema.extend({ deadlineHours: z.number() }),
  readmissionsWithin30Days: rateSchema,
  deviations: z.object({
    total: z.number(),
    byCategory: z.array(z.object({ category: z.string(), count: z.number() })),
    byUnit: z.array(z.object({ unitId: z.string(), count: z.number() })),
  }),
  activities: z.array(z.object({ activityId: z.string(), tasks: z.number(), onTime: rateSchema })),
});

const periodSchema = z.object({
  from: z.string(),
  to: z.string(),
  kommun: z.string().nullable(),
  ward: z.string().nullable(),
  careType: z.string().nullable(),
  frailty: z.enum(['frail', 'not-frail']).nullable(),
  asOf: z.string(),
});

export const kpiResponseSchema = z.object({ period: periodSchema, kpis: kpiResultSchema });

const amountsSchema = z.object({
  kommuner: z.array(
    z.object({
      kommunCode: z.string(),
      agreement: z.enum(['vgr', 'national']),
      vgrAmountSek: z.number(),
      nationalAmountSek: z.number(),
      amountDueSek: z.number(),
    }),
  ),
  totalDueSek: z.number(),
});

export const whatIfResponseSchema = z.object({
  period: periodSchema,
  month: z.string(),
  rules: z.object({
    baseline: z.record(z.string(), z.number()),
    scenario: z.record(z.string(), z.number()),
  }),
  baseline: z.object({ kpis: kpiResultSchema, betalningsansvar: amountsSchema }),
  scenario: z.object({ kpis: kpiResultSchema, betalningsansvar: amountsSchema }),
});

export const projectionFailureQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Projections PostgreSQL refused for good: which stay, which write, the SQLSTATE, when. */
export const projectionFailureResponseSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      stayId: z.string(),
      projection: z.string(),
      sqlState: z.string().nullable(),
      failedAt: z.string(),
    }),
  ),
});
