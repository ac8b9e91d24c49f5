import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import {
  NotificationRepository,
  PrismaService,
  StayRepository,
  TaskRepository,
} from '@app/persistence';
import { MailCatcher, type CaughtMail } from '../../tools/stack/mail-catcher';
import { randomPersonnummer } from '../support/fixtures';
import { eventually } from '../support/stays';
import { WebhookReceiver } from '../support/webhook-receiver';
import { WorkerProcess } from '../support/worker-process';

/**
 * A worker killed (SIGKILL) while it is sending loses nothing: the next worker takes the
 * expired claim and sends the webhook and the digest again, with the same webhook-id and the
 * same Message-ID, so the receiver can tell the resend from a new notification.
 */
describe('notification delivery across a worker restart', () => {
  jest.setTimeout(150_000);
  const prisma = new PrismaService(process.env.DATABASE_URL ?? '');
  const outbox = new NotificationRepository(prisma);
  const unitId = `test-restart-${randomUUID().slice(0, 8)}`;
  const mailbox = `${unitId}@funktionsbrevlada.example`;
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  // The first attempt of each is held unanswered until the worker is killed.
  const receiver = new WebhookReceiver((_hook, seenBefore) => (seenBefore === 0 ? 'hold' : 200));
  const mailAttempts: CaughtMail[] = [];
  const mail = new MailCatcher({
    beforeAccept: (m) => {
      if (!m.to.includes(mailbox)) return Promise.resolve();
      mailAttempts.push(m);
      return mailAttempts.length === 1 ? new Promise<void>(() => undefined) : Promise.resolve();
    },
  });
  const workers: WorkerProcess[] = [];
  const workerEnv = () => ({
    NOTIFY_POLL_INTERVAL_MS: '200',
    NOTIFY_SEND_TIMEOUT_MS: '10000',
    NOTIFY_RETRY_BASE_SECONDS: '0.5',
    NOTIFY_DIGEST_INTERVAL_MINUTES: '15',
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    PUBLIC_WEB_URL: 'https://utskrivning.test',
  });

  beforeAll(async () => {
    await Promise.all([receiver.start(), mail.start()]);
    await prisma.unit.create({
      data: { id: unitId, name: 'Testavdelning omstart', lane: 'slutenvard', kommunCode: '1480' },
    });
    await outbox.upsertChannels([
      { unitId, channel: 'webhook', target: receiver.url, secret, enabled: true },
      { unitId, channel: 'email', target: mailbox, secret: null, enabled: true },
    ]);
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await Promise.all([receiver.stop(), mail.stop()]);
    await prisma.$disconnect();
  });

  it('sends again with the same ids after a SIGKILL mid-delivery, and only once more', async () => {
    const stayId = randomUUID();
    await new StayRepository(prisma).admit(
      {
        stayId,
        workflowId: `stay-${stayId}`,
        processDefinitionVersion: 1,
        wardUnitId: 'sv-sahlgrenska-avd-32',
        kommunCode: '1480',
        careType: 'somatic',
        admittedAt: new Date(),
        patient: {
          name: 'Omstart Testsson',
          personnummer: randomPersonnummer(),
          patientKey: randomUUID(),
          folkbokforingskommun: '1480',
        },
      },
      { scope: 'test', key: stayId, requestHash: stayId },
    );
    const taskId = randomUUID();
    // Overdue at once: one webhook per kind (opened, overdue) and an immediate digest.
    await new TaskRepository(prisma).project([
      {
        id: taskId,
        stayId,
        activityId: 'send-inskrivningsmeddelande',
        unitId,
        lane: 'slutenvard',
        status: 'open',
        triggeredAt: new Date(Date.now() - 26 * 3_600_000).toISOString(),
        dueAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        overdue: true,
        version: 1,
      },
    ]);
    const hooks = await prisma.notificationDelivery.findMany({
      where: { unitId, channel: 'webhook' },
    });
    expect(hooks).toHaveLength(2);

    // Killed as soon as it sends: long before its sends time out (10 s) and are recorded.
    const first = WorkerProcess.launch(workerEnv());
    workers.push(first);
    await eventually(async () => {
      expect(receiver.received).toHaveLength(2);
      expect(mailAttempts).toHaveLength(1);
    }, 30_000);
    await first.kill(); // mid-delivery: nothing has been answered, nothing recorded

    const second = await WorkerProcess.start(workerEnv());
    workers.push(second);
    await eventually(async () => {
      const statuses = await prisma.notificationDelivery.findMany({ where: { unitId } });
      expect(statuses.map((d) => d.status)).toEqual(statuses.map(() => 'delivered'));
    }, 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // several more polls: nothing else goes out

    for (const hook of hooks) {
      const calls = receiver.of(hook.id);
      expect(calls).toHaveLength(2);
      for (const call of calls)
        expect(() =>
          new Webhook(secret).verify(call.body, call.headers as Record<string, string>),
        ).not.toThrow();
    }
    expect(receiver.received).toHaveLength(4);
    expect(mailAttempts).toHaveLength(2);
    expect(new Set(mailAttempts.map((m) => m.messageId)).size).toBe(1);
    expect(mail.messages.filter((m) => m.to.includes(mailbox))).toHaveLength(1);

    // The log shows the attempt that succeeded; the killed one left only its count.
    const delivered = await prisma.notificationDelivery.findMany({ where: { unitId } });
    expect(delivered.filter((d) => d.channel === 'webhook').map((d) => d.attempts)).toEqual([2, 2]);
    const log = await prisma.notificationAttempt.findMany({ where: { unitId } });
    expect(log.map((a) => [a.channel, a.attempt, a.ok]).sort()).toEqual([
      ['email', 2, true],
      ['webhook', 2, true],
      ['webhook', 2, true],
    ]);
  });
});
