import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { NotificationDrainer, type DrainerSettings } from '@app/notifications';
import {
  NotificationRepository,
  NotificationStatusRepository,
  PrismaService,
  StayRepository,
  TaskRepository,
  UnitRepository,
} from '@app/persistence';
import type { TaskState } from '@app/workflows';
import { MailCatcher } from '../../tools/stack/mail-catcher';
import { randomPersonnummer } from '../support/fixtures';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * Outbound notifications end to end on real sockets: the task projection writes the outbox,
 * the drainer signs and retries webhooks to a real HTTP server and mails digests to a real
 * SMTP server (smtp-server on loopback), and neither carries patient data.
 */
describe('notifications to the units', () => {
  const prisma = new PrismaService(process.env.DATABASE_URL ?? '');
  const outbox = new NotificationRepository(prisma);
  const tasks = new TaskRepository(prisma);
  const unitId = `test-notify-${randomUUID().slice(0, 8)}`;
  const silentUnitId = `${unitId}-silent`;
  const mailbox = `${unitId}@funktionsbrevlada.example`;
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const patient = { name: 'Notis Testsson', personnummer: randomPersonnummer() };
  const note = `Ring dottern till ${patient.name} före hemgång`;
  let stayId: string;
  const receiver = new WebhookReceiver((_hook, seenBefore) => (seenBefore === 0 ? 503 : 200));
  const mail = new MailCatcher();
  const log = { log: () => undefined, warn: () => undefined };
  const settings = (): DrainerSettings => ({
    publicWebUrl: 'https://utskrivning.test',
    digestIntervalMinutes: 15,
    overdueImmediate: true,
    pollIntervalMs: 100,
    retry: { baseSeconds: 0.3, maxAttempts: 5 },
    sendTimeoutMs: 2000,
    smtpUrl: `smtp://127.0.0.1:${mail.smtpPort}`,
    mailFrom: 'Utskrivningsflödet <noreply@utskrivning.test>',
  });

  beforeAll(async () => {
    await Promise.all([receiver.start(), mail.start()]);
    for (const id of [unitId, silentUnitId])
      await prisma.unit.create({
        data: { id, name: `Testavdelning ${id}`, lane: 'slutenvard', kommunCode: '1480' },
      });
    await outbox.upsertChannels([
      { unitId, channel: 'webhook', target: receiver.url, secret, enabled: true },
      { unitId, channel: 'email', target: mailbox, secret: null, enabled: true },
    ]);
    stayId = randomUUID();
    await new StayRepository(prisma).admit(
      {
        stayId,
        workflowId: `stay-${stayId}`,
        processDefinitionVersion: 1,
        wardUnitId: 'sv-sahlgrenska-avd-32',
        kommunCode: '1480',
        careType: 'somatic',
        admittedAt: new Date(),
        patient: { ...patient, patientKey: randomUUID(), folkbokforingskommun: '1480' },
      },
      { scope: 'test', key: stayId, requestHash: stayId },
    );
  });
  afterAll(async () => {
    await Promise.all([receiver.stop(), mail.stop()]);
    await prisma.$disconnect();
  });

  const task = (id: string, version: number, extra: Partial<TaskState> = {}): TaskState => ({
    id,
    stayId,
    activityId: 'send-inskrivningsmeddelande',
    unitId,
    lane: 'slutenvard',
    status: 'open',
    triggeredAt: new Date(Date.now() - 3_600_000).toISOString(),
    dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    overdue: false,
    note,
    version,
    ...extra,
  });
  const kindsOf = async (taskId: string) =>
    (await prisma.notification.findMany({ where: { taskId }, orderBy: { kind: 'asc' } })).map(
      (n) => n.kind,
    );
  const deliveriesOf = (taskId: string) =>
    prisma.$queryRaw<{ id: string; channel: string; status: string; kind: string }[]>`
      SELECT d.id::text, d.channel::text, d.status::text, n.kind::text
      FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
      WHERE n.task_id = ${taskId} ORDER BY n.kind, d.channel`;

  it('writes one notification per task, unit and kind with the projection, and repeats add nothing', async () => {
    const id = randomUUID();
    await tasks.project([task(id, 1)]);
    await tasks.project([task(id, 1)]);
    expect(await kindsOf(id)).toEqual(['opened']);
    expect((await deliveriesOf(id)).map((d) => d.channel)).toEqual(['webhook', 'email']);

    await tasks.project([task(id, 2, { remindedAt: new Date().toISOString() })]);
    await tasks.project([task(id, 3, { overdue: true, remindedAt: new Date().toISOString() })]);
    await tasks.project([task(id, 2, { remindedAt: new Date().toISOString() }), task(id, 1)]);
    expect(await kindsOf(id)).toEqual(['opened', 'due_soon', 'overdue']);
    expect(await deliveriesOf(id)).toHaveLength(6);

    // A unit without channels is told nothing; a closed task opens nothing.
    const silent = randomUUID();
    await tasks.project([task(silent, 1, { unitId: silentUnitId })]);
    const done = randomUUID();
    await tasks.project([task(done, 1, { status: 'done' })]);
    expect(await kindsOf(silent)).toEqual([]);
    expect(await kindsOf(done)).toEqual([]);

    // Closed before anything was sent: the drainer skips these, with the reason kept.
    await tasks.project([task(id, 4, { status: 'done', overdue: true })]);
  });

  it('signs each webhook, retries a failure with backoff and sends the same id again', async () => {
    const id = randomUUID();
    await tasks.project([task(id, 1)]);
    const hookId = (await deliveriesOf(id)).find((d) => d.channel === 'webhook')?.id ?? '';
    // Long enough that the second drain below runs before the retry is due on a loaded machine.
    const retry = { baseSeconds: 10, maxAttempts: 5 };
    const drainer = new NotificationDrainer(
      outbox,
      new UnitRepository(prisma),
      { ...settings(), retry },
      log,
    );

    await drainer.drainOnce(); // the receiver answers 503
    expect(receiver.of(hookId)).toHaveLength(1);
    const failed = await prisma.notificationDelivery.findUniqueOrThrow({ where: { id: hookId } });
    const waited = failed.nextAttemptAt.getTime() - (receiver.of(hookId)[0]?.receivedAt ?? 0);
    expect(waited).toBeGreaterThan(9500); // base × 2^0 = 10 s after the answer
    expect(waited).toBeLessThan(12000);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    await drainer.drainOnce(); // not due again yet
    expect(receiver.of(hookId)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, failed.nextAttemptAt.getTime() - Date.now() + 50));
    await drainer.drainOnce(); // the receiver answers 200
    const calls = receiver.of(hookId);
    expect(calls).toHaveLength(2);

    for (const call of calls) {
      // The receiver's side of Standard Webhooks, with its reference library and by hand.
      const headers = call.headers as Record<string, string>;
      expect(new Webhook(secret).verify(call.body, headers)).toMatchObject({ type: 'task.opened' });
      const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
      const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${call.body}`;
      expect(headers['webhook-signature']).toBe(
        `v1,${createHmac('sha256', key).update(signed).digest('base64')}`,
      );
      expect(() => new Webhook(secret).verify(`${call.body} `, headers)).toThrow();
      expect(call.body).not.toContain(patient.name);
      expect(call.body).not.toContain(patient.personnummer);
      expect(call.body).not.toContain(note);
    }
    expect(JSON.parse(calls[1]?.body ?? '{}')).toMatchObject({
      type: 'task.opened',
      data: {
        notificationId: hookId,
        unitId,
        task: {
          id,
          stayId,
          title: 'Skicka inskrivningsmeddelande',
          url: `https://utskrivning.test/stays/${stayId}#task-${id}`,
        },
      },
    });
    const attempts = await prisma.notificationAttempt.findMany({
      where: { messageId: hookId },
      orderBy: { attempt: 'asc' },
    });
    expect(attempts.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
      [1, false, 503],
      [2, true, 200],
    ]);
    expect((await deliveriesOf(id)).find((d) => d.channel === 'webhook')?.status).toBe('delivered');

    // The first test's task was closed before its webhooks went out: skipped, not sent.
    const skipped = await prisma.notificationDelivery.findMany({
      where: { unitId, channel: 'webhook', status: 'skipped' },
    });
    expect(skipped.length).toBeGreaterThanOrEqual(3);
    expect(skipped.every((d) => d.lastError === 'the task was closed before it was sent')).toBe(
      true,
    );
  });

  it('mails a digest to the functional mailbox: links to the tasks, no patient data', async () => {
    const drainer = new NotificationDrainer(outbox, new UnitRepository(prisma), settings(), log);
    await drainer.drainOnce(); // whatever earlier tests left for this unit goes out first
    const opened = randomUUID();
    await tasks.project([task(opened, 1)]);
    await drainer.drainOnce();
    // A new task waits for the digest interval (15 min) ...
    expect(mail.messages.filter((m) => m.text.includes(opened))).toEqual([]);

    // ... until an overdue one sends the unit's digest at once, with both.
    const late = randomUUID();
    await tasks.project([
      task(late, 1, {
        activityId: 'set-planned-uk-date',
        overdue: true,
        dueAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    ]);
    await drainer.drainOnce();
    const digest = await mail.waitFor((m) => m.to.includes(mailbox) && m.text.includes(late));
    expect(digest.text).toContain(`https://utskrivning.test/stays/${stayId}#task-${opened}`);
    expect(digest.text).toContain(`https://utskrivning.test/stays/${stayId}#task-${late}`);
    expect(digest.subject).toMatch(/försenad: 1/);
    expect(digest.text).toMatch(
      /Ny uppgift: Skicka inskrivningsmeddelande \(senast \d{4}-\d\d-\d\d \d\d:\d\d\)/,
    );
    for (const part of [digest.raw, digest.text, digest.subject]) {
      expect(part).not.toContain(patient.name);
      expect(part).not.toContain(patient.personnummer);
      expect(part).not.toContain(patient.personnummer.replace('-', ''));
      expect(part).not.toContain(note);
    }
    const record = await prisma.notificationDigest.findFirstOrThrow({
      where: { unitId, status: 'delivered' },
      orderBy: { createdAt: 'desc' },
    });
    expect(digest.messageId).toBe(`<${record.id}@utskrivningsflodet>`);
    const statuses = [...(await deliveriesOf(opened)), ...(await deliveriesOf(late))]
      .filter((d) => d.channel === 'email')
      .map((d) => d.status);
    expect(statuses).toEqual(['delivered', 'delivered', 'delivered']);
    // What the unit's status route shows of them: the digest's id and its one attempt.
    const shown = (
      await new NotificationStatusRepository(prisma).latestDeliveries(unitId, 50)
    ).filter((d) => d.channel === 'email' && (d.taskId === opened || d.taskId === late));
    expect(shown).toHaveLength(3);
    expect(shown.map((d) => [d.digestId, d.attempts])).toEqual(shown.map(() => [record.id, 1]));
  });
});
