import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });
const channel = z.enum(['webhook', 'email']);
const deliveryStatus = z.enum(['pending', 'delivered', 'failed', 'skipped']);

export const unitNotificationsParamsSchema = z.object({
  unitId: z.string().min(1).max(100),
});

const counts = z.object({
  pending: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  /** When the oldest pending delivery was written (how far behind the channel is). */
  oldestPendingAt: instant.nullable(),
});

/**
 * How a unit's notifications are going: its channels (never a webhook's secret, nor its URL's
 * query), counts per channel and status, the latest deliveries and the delivery log.
 */
export const unitNotificationsResponseSchema = z.object({
  unitId: z.string(),
  channels: z.array(
    z.object({
      channel,
      /** The mailbox, or the webhook URL without its query string. */
      target: z.string(),
      enabled: z.boolean(),
      /** Why the stored configuration cannot be used, if it cannot. */
      problem: z.string().nullable(),
    }),
  ),
  counts: z.object({ webhook: counts, email: counts }),
  deliveries: z.array(
    z.object({
      id: z.uuid(),
      channel,
      kind: z.enum(['opened', 'due_soon', 'overdue']),
      taskId: z.string(),
      status: deliveryStatus,
      attempts: z.number().int(),
      nextAttemptAt: instant.nullable(),
      lastError: z.string().nullable(),
      /** The digest that carried it (e-mail); its id is the mail's Message-ID. */
      digestId: z.uuid().nullable(),
      createdAt: instant,
      deliveredAt: instant.nullable(),
    }),
  ),
  attempts: z.array(
    z.object({
      /** The webhook-id or the digest id: what a receiver deduplicates on. */
      messageId: z.uuid(),
      channel,
      attempt: z.number().int(),
      attemptedAt: instant,
      ok: z.boolean(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      items: z.number().int(),
    }),
  ),
});

export type UnitNotificationsResponse = z.infer<typeof unitNotificationsResponseSchema>;
