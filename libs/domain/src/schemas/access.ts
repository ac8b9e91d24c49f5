import { z } from 'zod';
import { manualDeviationCategories } from '../vocabulary';
import { happenedAtSchema, instantSchema, kommunCodeSchema, unitIdSchema } from './common';

/** Roles of the people who use the service (the database enum UserRole has the same values). */
export const userRoleSchema = z.enum([
  'ward_staff',
  'vardcentral_staff',
  'hemsjukvard_staff',
  'bistandshandlaggare',
  'processagare',
  'hemtjanst_staff',
  'korttid_staff',
]);
export type UserRole = z.infer<typeof userRoleSchema>;

/** The Swedish title of each role, as the UI shows it. */
export const userRoleTitles: Record<UserRole, string> = {
  ward_staff: 'Vårdpersonal, slutenvård',
  vardcentral_staff: 'Vårdcentral',
  hemsjukvard_staff: 'Kommunal hälso- och sjukvård',
  bistandshandlaggare: 'Biståndshandläggare',
  processagare: 'Processägare',
  hemtjanst_staff: 'Hemtjänst (utförare)',
  korttid_staff: 'Korttidsboende',
};

export const devTokenRequestSchema = z.strictObject({
  userId: z.string().min(1, 'is required').max(100),
});

/** Opaque page cursors handed out in `nextCursor`. */
const cursorSchema = z.string().min(1).max(500);

export const stayStatusSchema = z.enum(['admitted', 'discharged', 'died', 'transferred']);

export const stayListQuerySchema = z.strictObject({
  unit: unitIdSchema.optional(),
  kommun: kommunCodeSchema.optional(),
  status: stayStatusSchema.optional(),
  cursor: cursorSchema.optional(),
});

const booleanQuery = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((v) => v === 'true');

export const taskQueueQuerySchema = z.strictObject({
  unit: unitIdSchema.optional(),
  status: z.enum(['open', 'claimed', 'done', 'cancelled']).optional(),
  overdue: booleanQuery.optional(),
  dueBefore: instantSchema.optional(),
  stay: z.uuid('must be a stay id (uuid)').optional(),
  cursor: cursorSchema.optional(),
});

export const reassignTaskSchema = z.strictObject({
  toUnitId: unitIdSchema,
  reason: z.string().trim().min(1, 'is required').max(500),
});
export type ReassignTaskRequest = z.infer<typeof reassignTaskSchema>;

export const manualDeviationSchema = z.strictObject({
  category: z.enum(manualDeviationCategories),
  description: z.string().trim().min(1, 'is required').max(2000),
  /** The unit the deviation is against. */
  unitId: unitIdSchema,
  occurredAt: happenedAtSchema,
});
export type ManualDeviationRequest = z.infer<typeof manualDeviationSchema>;

const categorySchema = z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, 'must be a category slug');

export const deviationListQuerySchema = z.strictObject({
  unit: unitIdSchema.optional(),
  kommun: kommunCodeSchema.optional(),
  category: categorySchema.optional(),
  source: z.enum(['manual', 'automatic']).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  cursor: cursorSchema.optional(),
});

export const auditQuerySchema = z.strictObject({
  user: z.string().min(1).max(100).optional(),
  unit: unitIdSchema.optional(),
  stay: z.uuid('must be a stay id (uuid)').optional(),
  action: z.string().min(1).max(60).optional(),
  outcome: z.enum(['ok', 'denied']).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  cursor: cursorSchema.optional(),
});
