import { randomUUID } from 'node:crypto';
import { PrismaService, StayRepository, TaskRepository } from '@app/persistence';
import type { TaskState } from '@app/workflows';
import { randomPersonnummer } from '../support/fixtures';

/** The read model takes only projections newer than what it holds, however they arrive. */
describe('versioned task projections', () => {
  const prisma = new PrismaService(process.env.DATABASE_URL ?? '');
  const tasks = new TaskRepository(prisma);
  let stayId: string;
  afterAll(() => prisma.$disconnect());

  beforeAll(async () => {
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
        patient: {
          personnummer: randomPersonnummer(),
          name: 'Projektion Test',
          patientKey: randomUUID(),
          folkbokforingskommun: '1480',
        },
      },
      { scope: 'test', key: stayId, requestHash: stayId },
    );
  });

  const task = (id: string, version: number, status: TaskState['status']): TaskState => ({
    id,
    stayId,
    activityId: 'send-inskrivningsmeddelande',
    unitId: 'sv-sahlgrenska-avd-32',
    lane: 'slutenvard',
    status,
    triggeredAt: new Date().toISOString(),
    dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    overdue: false,
    version,
  });

  it('keeps the newest version whatever the order, and ignores repeats', async () => {
    const id = randomUUID();
    await tasks.project([task(id, 3, 'done')]);
    await tasks.project([task(id, 2, 'claimed'), task(id, 1, 'open')]);
    await tasks.project([task(id, 3, 'open')]); // same version again: no change
    expect(await prisma.task.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 3,
      status: 'done',
    });
  });

  it('takes a batch with several versions of one task, keeping the newest', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await tasks.project([task(a, 1, 'open'), task(a, 2, 'claimed'), task(b, 1, 'open')]);
    const rows = await prisma.task.findMany({
      where: { id: { in: [a, b] } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => [r.id, r.version, r.status])).toEqual(
      [
        [a, 2, 'claimed'],
        [b, 1, 'open'],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
  });
});
