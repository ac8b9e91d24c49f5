import { Injectable } from '@nestjs/common';
import type { DeliveryStatus, NotificationChannelKind } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface DeliveryCount {
  channel: NotificationChannelKind;
  status: DeliveryStatus;
  count: number;
  oldest: Date;
}

/** What the API shows of one unit's notifications. Only that unit's rows are read. */
@Injectable()
export class NotificationStatusRepository {
  constructor(private readonly prisma: PrismaService) {}

  counts(unitId: string): Promise<DeliveryCount[]> {
    return this.prisma.$queryRaw<DeliveryCount[]>`
      SELECT channel::text AS channel, status::text AS status, count(*)::int AS count,
        min(created_at) AS oldest
      FROM notification_delivery WHERE unit_id = ${unitId}
      GROUP BY channel, status`;
  }

  /**
   * The latest deliveries, newest first. An e-mail delivery in a digest shows the digest's
   * attempts and next attempt (the digest is what is sent and retried).
   */
  latestDeliveries(unitId: string, limit: number) {
    return this.prisma.$queryRaw<
      {
        id: string;
        channel: NotificationChannelKind;
        kind: 'opened' | 'due_soon' | 'overdue';
        taskId: string;
        status: DeliveryStatus;
        attempts: number;
        nextAttemptAt: Date;
        lastError: string | null;
        digestId: string | null;
        createdAt: Date;
        deliveredAt: Date | null;
      }[]
    >`
      SELECT d.id::text, d.channel::text AS channel, n.kind::text AS kind, n.task_id AS "taskId",
        d.status::text AS status, COALESCE(g.attempts, d.attempts) AS attempts,
        COALESCE(g.next_attempt_at, d.next_attempt_at) AS "nextAttemptAt",
        d.last_error AS "lastError", d.digest_id::text AS "digestId",
        d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"
      FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
      LEFT JOIN notification_digest g ON g.id = d.digest_id
      WHERE d.unit_id = ${unitId}
      ORDER BY d.created_at DESC, d.id DESC LIMIT ${limit}`;
  }

  /** The delivery log's latest attempts, newest first. */
  latestAttempts(unitId: string, limit: number) {
    return this.prisma.notificationAttempt.findMany({
      where: { unitId },
      orderBy: [{ attemptedAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
  }
}
