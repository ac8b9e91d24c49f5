import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { NotificationRepository, PrismaService } from '@app/persistence';
import { demo, signInAll } from '../support/auth';
import { startApps, type RunningApps } from '../support/stack';
import { admit, eventually, tasksOf } from '../support/stays';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * The whole path through the stack: an admission through the API, the workflow's task
 * projection writes the outbox, the worker signs and delivers the webhook, and the unit's
 * members (and processägare, but no one else) see how delivery went, audited.
 */
describe('a unit sees how its notifications are delivered', () => {
  jest.setTimeout(90_000);
  const ward = 'sv-sahlgrenska-avd-32';
  const prisma = new PrismaService(process.env.DATABASE_URL ?? '');
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const receiver = new WebhookReceiver(() => 204);
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let as: Record<'ward' | 'otherWard' | 'po', { Authorization: string }>;

  beforeAll(async () => {
    process.env.NOTIFY_POLL_INTERVAL_MS = '200';
    await receiver.start();
    await new NotificationRepository(prisma).upsertChannels([
      {
        unitId: ward,
        channel: 'webhook',
        target: `${receiver.url}?token=abc123`,
        secret,
        enabled: true,
      },
    ]);
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    as = await signInAll(http, {
      ward: demo.wardGoteborg,
      otherWard: demo.wardMolndal,
      po: demo.processagare,
    });
  });
  afterAll(async () => {
    await prisma.notificationChannel.deleteMany({ where: { unitId: ward, channel: 'webhook' } });
    await apps.close();
    await receiver.stop();
    await prisma.$disconnect();
  });

  it('delivers the admission tasks to the ward and shows it to the ward and processägare only', async () => {
    const stayId = await admit(http, as.ward);
    const taskIds = await eventually(async () => {
      const tasks = (await tasksOf(http, as.ward, stayId)).filter((t) => t.unitId === ward);
      expect(tasks.length).toBeGreaterThan(0);
      return tasks.map((t) => t.id);
    });
    const hooks = await eventually(async () => {
      const found = receiver.received.filter((h) =>
        taskIds.includes((JSON.parse(h.body) as { data: { task: { id: string } } }).data.task.id),
      );
      expect(found.length).toBe(taskIds.length);
      return found;
    }, 30_000);
    for (const hook of hooks) {
      const verified = new Webhook(secret).verify(
        hook.body,
        hook.headers as Record<string, string>,
      ) as { type: string; data: { task: { stayId: string } } };
      expect(verified).toMatchObject({ type: 'task.opened', data: { task: { stayId } } });
    }

    const status = await eventually(async () => {
      const response = await http.get(`/api/v1/units/${ward}/notifications`).set(as.ward);
      expect(response.status).toBe(200);
      const mine = (
        response.body.deliveries as { taskId: string; channel: string; status: string }[]
      ).filter((d) => taskIds.includes(d.taskId));
      expect(mine.filter((d) => d.channel === 'webhook').map((d) => d.status)).toEqual(
        taskIds.map(() => 'delivered'),
      );
      return response;
    });
    const body = status.body as {
      channels: { channel: string; target: string; problem: string | null }[];
      counts: { webhook: { delivered: number }; email: { pending: number } };
      deliveries: { taskId: string; channel: string; status: string; kind: string }[];
      attempts: { ok: boolean; statusCode: number | null }[];
    };
    expect(body.channels).toEqual(
      expect.arrayContaining([
        { channel: 'webhook', target: receiver.url, enabled: true, problem: null },
        {
          channel: 'email',
          target: `${ward}@funktionsbrevlada.example`,
          enabled: true,
          problem: null,
        },
      ]),
    );
    expect(status.text).not.toContain(secret.slice('whsec_'.length, 20));
    expect(status.text).not.toContain('abc123');
    expect(body.counts.webhook.delivered).toBeGreaterThanOrEqual(taskIds.length);
    // No SMTP server in this stack: the digests wait, visibly.
    expect(body.counts.email.pending).toBeGreaterThanOrEqual(taskIds.length);
    expect(body.attempts.some((a) => a.ok && a.statusCode === 204)).toBe(true);

    await http.get(`/api/v1/units/${ward}/notifications`).set(as.po).expect(200);
    await http.get(`/api/v1/units/${ward}/notifications`).set(as.otherWard).expect(403);
    await http.get('/api/v1/units/no-such-unit/notifications').set(as.ward).expect(404);
    await http.get(`/api/v1/units/${ward}/notifications`).expect(401);

    const audit = await prisma.auditEntry.findMany({
      where: { action: 'notification.status', unitId: ward },
    });
    expect(audit.map((a) => [a.userId, a.outcome])).toEqual(
      expect.arrayContaining([
        [demo.wardGoteborg, 'ok'],
        [demo.processagare, 'ok'],
        [demo.wardMolndal, 'denied'],
      ]),
    );
  });
});
