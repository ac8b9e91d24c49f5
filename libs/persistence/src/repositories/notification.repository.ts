import { Injectable } from '@nestjs/common';
import type {
  DeliveryStatus,
  NotificationChannelKind,
  NotificationKind,
  TaskStatus,
} from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** A unit's channel as stored; validated by @app/notifications before it is used. */
export interface NotificationChannelRow {
  unitId: string;
  channel: NotificationChannelKind;
  target: string;
  secret: string | null;
  enabled: boolean;
}

/** What one notification says: the task it is about, never anything of the patient. */
export interface NotificationItem {
  deliveryId: string;
  unitId: string;
  kind: NotificationKind;
  occurredAt: Date;
  taskId: string;
  stayId: string;
  activityId: string;
  processDefinitionVersion: number;
  dueAt: Date | null;
  taskStatus: TaskStatus;
}

/** A webhook delivery claimed for sending, with its channel. */
export interface WebhookJob extends NotificationItem {
  attempts: number;
  channel: NotificationChannelRow | null;
}

/** An e-mail digest claimed for sending. */
export interface DigestJob {
  digestId: string;
  unitId: string;
  attempts: number;
}

export interface AttemptRecord {
  unitId: string;
  channel: NotificationChannelKind;
  messageId: string;
  attempt: number;
  ok: boolean;
  statusCode?: number | null;
  error?: string | null;
  items: number;
}

/** How a failed send goes on: again at `retryAt`, or given up. */
export type FailureOutcome = { retryAt: Date } | { givenUp: true };

const ITEM_COLUMNS = `d.id AS "deliveryId", d.unit_id AS "unitId", n.kind::text AS kind,
  n.occurred_at AS "occurredAt", n.task_id AS "taskId", t.stay_id::text AS "stayId",
  t.activity_id AS "activityId", s.process_definition_version AS "processDefinitionVersion",
  t.due_at AS "dueAt", t.status::text AS "taskStatus"`;

/**
 * The notification outbox (written by TaskRepository.project) as the worker drains it:
 * deliveries are claimed with FOR UPDATE SKIP LOCKED under a lease, so several workers share
 * the work, and a worker that dies mid-send leaves its claim to expire and be taken again.
 */
@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  async channels(unitIds?: readonly string[]): Promise<NotificationChannelRow[]> {
    return this.prisma.notificationChannel.findMany({
      where: unitIds ? { unitId: { in: [...unitIds] } } : {},
      select: { unitId: true, channel: true, target: true, secret: true, enabled: true },
      orderBy: [{ unitId: 'asc' }, { channel: 'asc' }],
    });
  }

  /** Adds the channels a unit does not have yet; configured ones are left as they are. */
  async addMissingChannels(rows: readonly NotificationChannelRow[]): Promise<void> {
    await this.prisma.notificationChannel.createMany({ data: [...rows], skipDuplicates: true });
  }

  /** Stores channels (idempotent by unit and channel). */
  async upsertChannels(rows: readonly NotificationChannelRow[]): Promise<void> {
    for (const row of rows)
      await this.prisma.notificationChannel.upsert({
        where: { unitId_channel: { unitId: row.unitId, channel: row.channel } },
        create: { ...row },
        update: {
          target: row.target,
          secret: row.secret,
          enabled: row.enabled,
          updatedAt: new Date(),
        },
      });
  }

  /** Claims up to `limit` webhook deliveries that are due, for `leaseMs`. */
  async claimWebhooks(limit: number, leaseMs: number): Promise<WebhookJob[]> {
    const rows = await this.prisma.$queryRawUnsafe<
      (Omit<WebhookJob, 'channel'> &
        Partial<Record<'target' | 'secret', string | null>> & {
          enabled: boolean | null;
        })[]
    >(
      `WITH claimed AS (
        UPDATE notification_delivery d
        SET lease_until = now() + $2 * interval '1 millisecond', attempts = d.attempts + 1
        WHERE d.id IN (
          SELECT id FROM notification_delivery
          WHERE channel = 'webhook' AND status = 'pending' AND next_attempt_at <= now()
            AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING d.*)
      SELECT ${ITEM_COLUMNS}, d.attempts, c.target, c.secret, c.enabled
      FROM claimed d
      JOIN notification n ON n.id = d.notification_id
      JOIN task t ON t.id = n.task_id
      JOIN stay s ON s.id = t.stay_id
      LEFT JOIN notification_channel c ON c.unit_id = d.unit_id AND c.channel = 'webhook'`,
      limit,
      leaseMs,
    );
    return rows.map(({ target, secret, enabled, ...job }) => ({
      ...job,
      channel:
        target === null || target === undefined || enabled === null
          ? null
          : { unitId: job.unitId, channel: 'webhook', target, secret: secret ?? null, enabled },
    }));
  }

  /**
   * Gathers each unit's pending, undigested e-mail deliveries into a digest once the oldest
   * has waited `intervalMinutes`, or at once when one is overdue and `overdueImmediate`.
   * One worker at a time (a transaction-scoped advisory lock), so a delivery joins one digest.
   */
  async formDigests(intervalMinutes: number, overdueImmediate: boolean): Promise<number> {
    const [, formed] = await this.prisma.$transaction([
      this.prisma.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('notification_digest'))::text`,
      this.prisma.$executeRaw`
        WITH ready AS (
          SELECT d.unit_id FROM notification_delivery d
          JOIN notification n ON n.id = d.notification_id
          WHERE d.channel = 'email' AND d.status = 'pending' AND d.digest_id IS NULL
          GROUP BY d.unit_id
          HAVING min(d.created_at) <= now() - ${intervalMinutes} * interval '1 minute'
            OR (${overdueImmediate} AND bool_or(n.kind = 'overdue'))),
        digests AS (
          INSERT INTO notification_digest (unit_id) SELECT unit_id FROM ready
          RETURNING id, unit_id)
        UPDATE notification_delivery d SET digest_id = g.id
        FROM digests g
        WHERE d.unit_id = g.unit_id AND d.channel = 'email' AND d.status = 'pending'
          AND d.digest_id IS NULL`,
    ]);
    return formed;
  }

  /** Claims up to `limit` digests that are due, for `leaseMs`. */
  async claimDigests(limit: number, leaseMs: number): Promise<DigestJob[]> {
    return this.prisma.$queryRaw<DigestJob[]>`
      UPDATE notification_digest g
      SET lease_until = now() + ${leaseMs} * interval '1 millisecond', attempts = g.attempts + 1
      WHERE g.id IN (
        SELECT id FROM notification_digest
        WHERE status = 'pending' AND next_attempt_at <= now()
          AND (lease_until IS NULL OR lease_until < now())
        ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING g.id::text AS "digestId", g.unit_id AS "unitId", g.attempts`;
  }

  /** The notifications a digest carries, oldest first. */
  async digestItems(digestId: string): Promise<NotificationItem[]> {
    return this.prisma.$queryRawUnsafe<NotificationItem[]>(
      `SELECT ${ITEM_COLUMNS}
      FROM notification_delivery d
      JOIN notification n ON n.id = d.notification_id
      JOIN task t ON t.id = n.task_id
      JOIN stay s ON s.id = t.stay_id
      WHERE d.digest_id = $1::uuid AND d.status = 'pending'
      ORDER BY n.occurred_at, n.task_id, n.kind`,
      digestId,
    );
  }

  /** Deliveries that will not be sent, with the reason kept (e.g. the task was closed). */
  async skipDeliveries(deliveryIds: readonly string[], reason: string): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.prisma.$executeRaw`
      UPDATE notification_delivery SET status = 'skipped', last_error = ${reason},
        lease_until = NULL
      WHERE id = ANY(${[...deliveryIds]}::uuid[]) AND status = 'pending'`;
  }

  async webhookDelivered(deliveryId: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE notification_delivery SET status = 'delivered', delivered_at = now(),
        lease_until = NULL, last_error = NULL
      WHERE id = ${deliveryId}::uuid`;
  }

  async webhookFailed(deliveryId: string, error: string, outcome: FailureOutcome): Promise<void> {
    const status: DeliveryStatus = 'givenUp' in outcome ? 'failed' : 'pending';
    const retryAt = 'retryAt' in outcome ? outcome.retryAt : new Date();
    await this.prisma.$executeRaw`
      UPDATE notification_delivery SET status = ${status}::"DeliveryStatus",
        last_error = ${error}, next_attempt_at = ${retryAt}, lease_until = NULL
      WHERE id = ${deliveryId}::uuid`;
  }

  /** The digest and every delivery it carried are delivered, together. */
  async digestDelivered(digestId: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.$executeRaw`
        UPDATE notification_delivery SET status = 'delivered', delivered_at = now(),
          lease_until = NULL, last_error = NULL
        WHERE digest_id = ${digestId}::uuid AND status = 'pending'`,
      this.prisma.$executeRaw`
        UPDATE notification_digest SET status = 'delivered', delivered_at = now(),
          lease_until = NULL, last_error = NULL
        WHERE id = ${digestId}::uuid`,
    ]);
  }

  async digestFailed(digestId: string, error: string, outcome: FailureOutcome): Promise<void> {
    const status: DeliveryStatus = 'givenUp' in outcome ? 'failed' : 'pending';
    const retryAt = 'retryAt' in outcome ? outcome.retryAt : new Date();
    await this.prisma.$transaction([
      this.prisma.$executeRaw`
        UPDATE notification_delivery SET status = ${status}::"DeliveryStatus",
          last_error = ${error}
        WHERE digest_id = ${digestId}::uuid AND status = 'pending'`,
      this.prisma.$executeRaw`
        UPDATE notification_digest SET status = ${status}::"DeliveryStatus",
          last_error = ${error}, next_attempt_at = ${retryAt}, lease_until = NULL
        WHERE id = ${digestId}::uuid`,
    ]);
  }

  /** A digest with nothing left to say (all its tasks closed) is not sent. */
  async digestSkipped(digestId: string, reason: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE notification_digest SET status = 'skipped', last_error = ${reason},
        lease_until = NULL
      WHERE id = ${digestId}::uuid`;
  }

  async logAttempt(attempt: AttemptRecord): Promise<void> {
    await this.prisma.notificationAttempt.create({
      data: {
        unitId: attempt.unitId,
        channel: attempt.channel,
        messageId: attempt.messageId,
        attempt: attempt.attempt,
        ok: attempt.ok,
        statusCode: attempt.statusCode ?? null,
        error: attempt.error ?? null,
        items: attempt.items,
      },
    });
  }
}
