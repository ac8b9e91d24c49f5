import { z } from 'zod';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A webhook target: HTTPS, or plain HTTP only to this machine (development, tests). */
const webhookUrl = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}, 'must be an https:// URL (http:// only to localhost)');

/** Standard Webhooks' secret: "whsec_" and base64 of 24 to 64 random bytes. */
const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by base64')
  .refine((value) => {
    const bytes = Buffer.from(value.slice('whsec_'.length), 'base64').length;
    return bytes >= 24 && bytes <= 64;
  }, 'must hold 24 to 64 random bytes');

/** A unit's channel, as stored in notification_channel. Validated before every use. */
export const notificationChannelSchema = z.discriminatedUnion('channel', [
  z.object({
    unitId: z.string().min(1),
    channel: z.literal('webhook'),
    target: webhookUrl,
    secret: webhookSecret,
    enabled: z.boolean(),
  }),
  z.object({
    unitId: z.string().min(1),
    channel: z.literal('email'),
    /** The unit's functional mailbox, never a person's. */
    target: z.email('must be an e-mail address'),
    secret: z.null(),
    enabled: z.boolean(),
  }),
]);

export type NotificationChannel = z.infer<typeof notificationChannelSchema>;
export type WebhookChannel = Extract<NotificationChannel, { channel: 'webhook' }>;
export type EmailChannel = Extract<NotificationChannel, { channel: 'email' }>;

/** The channel, or the reason it cannot be used (stored on the delivery, never thrown away). */
export function parseChannel(
  row: unknown,
): { ok: true; channel: NotificationChannel } | { ok: false; reason: string } {
  const parsed = notificationChannelSchema.safeParse(row);
  if (parsed.success) return { ok: true, channel: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    reason:
      `channel configuration invalid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
  };
}
