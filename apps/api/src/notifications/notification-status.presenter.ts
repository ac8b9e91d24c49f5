import type { UnitNotificationsResponse } from '@app/domain';
import { parseChannel } from '@app/notifications';
import type {
  DeliveryCount,
  NotificationChannelRow,
  NotificationStatusRepository,
} from '@app/persistence';

type Deliveries = Awaited<ReturnType<NotificationStatusRepository['latestDeliveries']>>;
type Attempts = Awaited<ReturnType<NotificationStatusRepository['latestAttempts']>>;

/** A webhook URL without its query string and fragment (they may carry a token). */
function shownTarget(row: NotificationChannelRow): string {
  if (row.channel !== 'webhook') return row.target;
  try {
    const url = new URL(row.target);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(ogiltig adress)';
  }
}

function countsOf(counts: readonly DeliveryCount[], channel: 'webhook' | 'email') {
  const of = (status: DeliveryCount['status']) =>
    counts.find((c) => c.channel === channel && c.status === status);
  return {
    pending: of('pending')?.count ?? 0,
    delivered: of('delivered')?.count ?? 0,
    failed: of('failed')?.count ?? 0,
    skipped: of('skipped')?.count ?? 0,
    oldestPendingAt: of('pending')?.oldest.toISOString() ?? null,
  };
}

export function presentUnitNotifications(
  unitId: string,
  data: {
    channels: readonly NotificationChannelRow[];
    counts: readonly DeliveryCount[];
    deliveries: Deliveries;
    attempts: Attempts;
  },
): UnitNotificationsResponse {
  return {
    unitId,
    channels: data.channels.map((row) => {
      const parsed = parseChannel(row);
      return {
        channel: row.channel,
        target: shownTarget(row),
        enabled: row.enabled,
        problem: parsed.ok ? null : parsed.reason,
      };
    }),
    counts: { webhook: countsOf(data.counts, 'webhook'), email: countsOf(data.counts, 'email') },
    deliveries: data.deliveries.map((d) => ({
      id: d.id,
      channel: d.channel,
      kind: d.kind,
      taskId: d.taskId,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      lastError: d.lastError,
      digestId: d.digestId,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
    attempts: data.attempts.map((a) => ({
      messageId: a.messageId,
      channel: a.channel,
      attempt: a.attempt,
      attemptedAt: a.attemptedAt.toISOString(),
      ok: a.ok,
      statusCode: a.statusCode,
      error: a.error,
      items: a.items,
    })),
  };
}
