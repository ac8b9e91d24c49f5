import type {
  NotificationItem,
  NotificationRepository,
  UnitRepository,
  WebhookJob,
  DigestJob,
} from '@app/persistence';
import { afterFailure, type RetryPolicy } from './backoff';
import { parseChannel } from './channels';
import { digestMail, webhookBody } from './messages';
import { DigestMailer, sendWebhook, type SendResult } from './senders';

export interface DrainerSettings {
  publicWebUrl: string;
  /** A unit's digest waits until its oldest notification is this old (0: at once). */
  digestIntervalMinutes: number;
  /** An overdue task is mailed at once, whatever the interval. */
  overdueImmediate: boolean;
  pollIntervalMs: number;
  retry: RetryPolicy;
  sendTimeoutMs: number;
  /** Unset: no e-mail is sent; e-mail deliveries stay pending, visible per unit. */
  smtpUrl?: string;
  mailFrom: string;
}

export interface DrainerLog {
  log(message: string): void;
  warn(message: string): void;
}

const BATCH = 20;
const LIVE = new Set<NotificationItem['taskStatus']>(['open', 'claimed']);
const TASK_CLOSED = 'the task was closed before it was sent';

/**
 * Drains the notification outbox: signed webhooks one by one, e-mail digests per unit.
 *
 * A loop in the worker over PostgreSQL rather than Temporal activities: the outbox rows are
 * written by the task projection in the same statement as the task, so delivering them needs
 * no workflow change (no patch, no new history), and claiming with FOR UPDATE SKIP LOCKED
 * under a lease lets any number of workers share it. Delivery is at least once: a worker that
 * dies after sending and before recording it leaves the claim to expire, and the delivery is
 * sent again with the same id (webhook-id, or the digest's Message-ID) for the receiver to
 * deduplicate on.
 */
export class NotificationDrainer {
  private readonly mailer?: DigestMailer;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly outbox: NotificationRepository,
    private readonly units: UnitRepository,
    private readonly settings: DrainerSettings,
    private readonly logger: DrainerLog,
  ) {
    if (settings.smtpUrl)
      this.mailer = new DigestMailer(settings.smtpUrl, settings.mailFrom, settings.sendTimeoutMs);
  }

  /** A claim outlasts a send that times out, with room to record the outcome. */
  private get leaseMs(): number {
    return this.settings.sendTimeoutMs * 2 + 5000;
  }

  start(): void {
    if (!this.mailer) this.logger.warn('SMTP_URL is not set: e-mail digests wait until it is');
    this.logger.log(`Delivering notifications every ${this.settings.pollIntervalMs} ms`);
    this.stopped = false;
    const tick = () => {
      this.running = this.drainUntilIdle()
        .catch((error: unknown) =>
          this.logger.warn(`Notification delivery paused: ${(error as Error).message}`),
        )
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.settings.pollIntervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the sends in flight to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.mailer?.close();
  }

  private async drainUntilIdle(): Promise<void> {
    for (;;) {
      const { webhooks, digests } = await this.drainOnce();
      if (this.stopped || (webhooks < BATCH && digests < BATCH)) return;
    }
  }

  /**
   * One round: due webhooks and ready digests, side by side (a slow webhook receiver does
   * not hold up the mail). Returns how many of each were handled.
   */
  async drainOnce(): Promise<{ webhooks: number; digests: number }> {
    const [webhooks, digests] = await Promise.all([this.drainWebhooks(), this.drainDigests()]);
    return { webhooks, digests };
  }

  private async drainWebhooks(): Promise<number> {
    const jobs = await this.outbox.claimWebhooks(BATCH, this.leaseMs);
    await Promise.all(jobs.map((job) => this.deliverWebhook(job)));
    return jobs.length;
  }

  private async drainDigests(): Promise<number> {
    const mailer = this.mailer;
    if (!mailer) return 0;
    await this.outbox.formDigests(
      this.settings.digestIntervalMinutes,
      this.settings.overdueImmediate,
    );
    const digests = await this.outbox.claimDigests(BATCH, this.leaseMs);
    for (const digest of digests) await this.deliverDigest(digest, mailer);
    return digests.length;
  }

  private async deliverWebhook(job: WebhookJob): Promise<void> {
    if (!LIVE.has(job.taskStatus)) return this.outbox.skipDeliveries([job.deliveryId], TASK_CLOSED);
    if (!job.channel?.enabled)
      return this.outbox.skipDeliveries([job.deliveryId], 'the unit has no enabled webhook');
    const parsed = parseChannel(job.channel);
    const sentAt = new Date();
    const result: SendResult =
      parsed.ok && parsed.channel.channel === 'webhook'
        ? await sendWebhook(
            parsed.channel,
            job.deliveryId,
            JSON.stringify(webhookBody(job, this.settings.publicWebUrl, sentAt)),
            sentAt,
            this.settings.sendTimeoutMs,
          )
        : { ok: false, error: parsed.ok ? 'not a webhook channel' : parsed.reason };
    await this.outbox.logAttempt({
      unitId: job.unitId,
      channel: 'webhook',
      messageId: job.deliveryId,
      attempt: job.attempts,
      ok: result.ok,
      statusCode: result.statusCode ?? null,
      error: result.error ?? null,
      items: 1,
    });
    if (result.ok) return this.outbox.webhookDelivered(job.deliveryId);
    await this.outbox.webhookFailed(
      job.deliveryId,
      result.error ?? 'failed',
      afterFailure(job.attempts, this.settings.retry),
    );
  }

  private async deliverDigest(digest: DigestJob, mailer: DigestMailer): Promise<void> {
    const items = await this.outbox.digestItems(digest.digestId);
    const closed = items.filter((i) => !LIVE.has(i.taskStatus));
    const live = items.filter((i) => LIVE.has(i.taskStatus));
    await this.outbox.skipDeliveries(
      closed.map((i) => i.deliveryId),
      TASK_CLOSED,
    );
    if (live.length === 0) return this.outbox.digestSkipped(digest.digestId, TASK_CLOSED);
    const [row] = await this.outbox
      .channels([digest.unitId])
      .then((rows) => rows.filter((r) => r.channel === 'email'));
    if (!row?.enabled) {
      await this.outbox.skipDeliveries(
        live.map((i) => i.deliveryId),
        'the unit has no enabled e-mail channel',
      );
      return this.outbox.digestSkipped(digest.digestId, 'the unit has no enabled e-mail channel');
    }
    const parsed = parseChannel(row);
    const unitName = (await this.units.findById(digest.unitId))?.name ?? digest.unitId;
    const result: SendResult =
      parsed.ok && parsed.channel.channel === 'email'
        ? await mailer.send(
            parsed.channel,
            digest.digestId,
            digestMail(unitName, live, this.settings.publicWebUrl),
          )
        : { ok: false, error: parsed.ok ? 'not an e-mail channel' : parsed.reason };
    await this.outbox.logAttempt({
      unitId: digest.unitId,
      channel: 'email',
      messageId: digest.digestId,
      attempt: digest.attempts,
      ok: result.ok,
      statusCode: result.statusCode ?? null,
      error: result.error ?? null,
      items: live.length,
    });
    if (result.ok) return this.outbox.digestDelivered(digest.digestId);
    await this.outbox.digestFailed(
      digest.digestId,
      result.error ?? 'failed',
      afterFailure(digest.attempts, this.settings.retry),
    );
  }
}
