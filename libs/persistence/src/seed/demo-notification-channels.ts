import type { NotificationChannelRow } from '../repositories/notification.repository';
import { demoUnits } from './demo-units';

/**
 * Every demo unit mails its digests to a functional mailbox (example domain); `npm start`'s
 * mail catcher receives them. Webhooks are configured per deployment (each needs its secret).
 */
export const demoNotificationChannels: readonly NotificationChannelRow[] = demoUnits.map(
  (unit) => ({
    unitId: unit.id,
    channel: 'email' as const,
    target: `${unit.id}@funktionsbrevlada.example`,
    secret: null,
    enabled: true,
  }),
);
