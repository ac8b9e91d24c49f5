import { z } from 'zod';
import { calendarDateSchema, happenedAtSchema, unitIdSchema } from './common';

/** Needs and circumstances the treating physician assesses (all optional beyond the three). */
const assessedExtras = {
  korttid: z.boolean(),
  hjalpmedel: z.boolean(),
  rehab: z.boolean(),
  egenvard: z.boolean(),
  palliativ: z.boolean(),
  existingMunicipalInsatser: z.boolean(),
  existingFastVardkontakt: z.boolean(),
  cognitiveImpairment: z.boolean(),
  lpt: z.boolean(),
};

const needsAssessedSchema = z.strictObject({
  socialtjanst: z.boolean(),
  kommunalHalsoOchSjukvard: z.boolean(),
  regionalPrimarvard: z.boolean(),
  ...z.object(assessedExtras).partial().shape,
});

const needsChangedSchema = needsAssessedSchema
  .partial()
  .refine((data) => Object.keys(data).length > 0, 'name at least one need that changed');

const plannedDateSchema = z.strictObject({ date: calendarDateSchema });
const descriptionSchema = z.string().trim().min(1, 'is required').max(2000);

/**
 * The data each system event carries, by event type. `admitted` is not here: admission is
 * POST /api/v1/stays. The process definition lists the same types (a unit test keeps them in step).
 */
export const eventDataSchemas = {
  'needs-assessed': needsAssessedSchema,
  'needs-changed': needsChangedSchema,
  'planned-discharge-date-set': plannedDateSchema,
  'planned-discharge-date-changed': plannedDateSchema,
  'planning-message-received': z.strictObject({
    fromUnitId: unitIdSchema,
    subject: z.string().max(200).optional(),
  }),
  utskrivningsklar: z.strictObject({}),
  'utskrivningsklar-revoked': z.strictObject({ reason: z.string().max(500).optional() }),
  'opt-application-considered': z.strictObject({}),
  discharged: z.strictObject({
    destination: z.enum(['home', 'korttid', 'sarskilt-boende', 'other-hospital']),
  }),
  died: z.strictObject({}),
  transferred: z.strictObject({ toUnitId: unitIdSchema }),
  readmitted: z.strictObject({ previousStayId: z.uuid().optional() }),
  'responsibility-dispute-raised': z.strictObject({ description: descriptionSchema }),
  'samverkansavvikelse-reported': z.strictObject({
    description: descriptionSchema,
    unitId: unitIdSchema.optional(),
  }),
  'billing-period-closed': z.strictObject({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM'),
  }),
} as const;

export type StayEventType = keyof typeof eventDataSchemas;
export const stayEventTypes = Object.keys(eventDataSchemas) as StayEventType[];

export const stayEventRequestSchema = z.strictObject({
  type: z.string().min(1, 'is required'),
  occurredAt: happenedAtSchema,
  data: z.record(z.string(), z.unknown()).default({}),
});
