import { z } from 'zod';

export const integrationMessageIdSchema = z.object({
  id: z.uuid('must be an integration message id (uuid)'),
});

/** The inbox: what waits for someone (inbox), or was never settled (received); or a status. */
export const inboxQuerySchema = z.strictObject({
  status: z.enum(['inbox', 'received', 'applied', 'resolved']).optional(),
  cursor: z.string().min(1).max(500).optional(),
});

export const resolveMessageSchema = z.strictObject({
  note: z.string().trim().min(1, 'is required').max(500),
});

const ackCode = z.enum(['AA', 'AE', 'AR']);

/** A message as the inbox shows it: what and why, never the message text (patient data). */
export const inboxItemSchema = z.object({
  id: z.uuid(),
  sender: z.string(),
  controlId: z.string(),
  messageType: z.string(),
  status: z.enum(['received', 'applied', 'inbox', 'resolved']),
  reasonCode: z.string().nullable(),
  reason: z.string().nullable(),
  ackCode: ackCode.nullable(),
  stayId: z.uuid().nullable(),
  occurredAt: z.iso.datetime({ offset: true }).nullable(),
  attempts: z.number().int(),
  receivedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

export const inboxPageResponseSchema = z.object({
  items: z.array(inboxItemSchema),
  nextCursor: z.string().nullable(),
});

export const replayResponseSchema = z.object({
  ack: ackCode,
  code: z.string().nullable(),
  reason: z.string().nullable(),
  message: inboxItemSchema,
});
