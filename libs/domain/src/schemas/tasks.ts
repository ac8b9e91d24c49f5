import { z } from 'zod';
import { happenedAtSchema, unitIdSchema } from './common';

export const completeTaskSchema = z.strictObject({
  occurredAt: happenedAtSchema.optional(),
  outcome: z.string().min(1).max(100).optional(),
  note: z.string().max(2000).optional(),
  /**
   * Completing a routing task ("Välj mottagande enhet") with the outcome "routed": the unit
   * that receives the waiting tasks, and every later task for the same receiver.
   */
  receivingUnitId: unitIdSchema.optional(),
});
export type CompleteTaskRequest = z.infer<typeof completeTaskSchema>;

export const taskStatusSchema = z.enum(['open', 'claimed', 'done', 'cancelled']);

export const listTasksQuerySchema = z.strictObject({
  unit: z.string().min(1, 'is required'),
  status: taskStatusSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  stay: z.uuid().optional(),
});
