import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { TemporalDevServer } from '../../tools/stack/temporal';
import { startIsolatedTemporal, type IsolatedTemporal } from '../support/isolated-temporal';
import type { StayDriver } from '../support/stay-driver';

/**
 * Temporal keeps workflow payloads in its own database. With the AES-GCM payload codec, a note
 * that names the patient (free text staff may write) is not readable in that database file.
 * A control payload written without the codec shows the file is readable at all.
 */
describe('payload encryption at rest in Temporal', () => {
  let isolated: IsolatedTemporal;
  let temporal: TemporalDevServer;
  let driver: StayDriver;
  let dbFile: string;

  beforeAll(async () => {
    dbFile = join(mkdtempSync(join(tmpdir(), 'temporal-db-')), 'temporal.sqlite');
    isolated = await startIsolatedTemporal({ dbFile });
    ({ temporal, driver } = isolated);
  });
  afterAll(() => isolated.close());

  function databaseText(): string {
    const dir = join(dbFile, '..');
    return readdirSync(dir)
      .filter((f) => f.startsWith('temporal.sqlite'))
      .map((f) => {
        try {
          return readFileSync(join(dir, f)).toString('latin1');
        } catch {
          return ''; // a journal file SQLite removed while we listed the folder
        }
      })
      .join('\n');
  }

  it('holds no personnummer and no name, while an unencrypted control payload is visible', async () => {
    const admittedAt = new Date(Date.now() - 3_600_000).toISOString();
    const stayId = await driver.admit({ admittedAt, personnummer: '195005051239' });
    await driver.event(stayId, 'needs-assessed', admittedAt, {
      socialtjanst: true,
      kommunalHalsoOchSjukvard: false,
      regionalPrimarvard: false,
    });
    const note = 'Ringt dottern till Greta Gustafsson, 19500505-1239';
    const done = await driver.complete(stayId, 'send-inskrivningsmeddelande', {
      occurredAt: new Date().toISOString(),
    });
    expect(done.status).toBe('done');
    const withNote = await driver.prisma.task.findFirstOrThrow({
      where: { stayId, status: 'open' },
    });
    await driver.client.workflow.getHandle(`stay-${stayId}`).executeUpdate('completeTask', {
      args: [{ taskId: withNote.id, actor: 'u1', occurredAt: new Date().toISOString(), note }],
    });
    expect((await driver.prisma.task.findUniqueOrThrow({ where: { id: withNote.id } })).note).toBe(
      note,
    );

    const marker = `CONTROL-${randomUUID()}`;
    const plain = new Client({
      connection: await Connection.connect({ address: temporal.address }),
    });
    await plain.workflow.start('controlWorkflow', {
      taskQueue: 'nobody-polls-this-queue',
      workflowId: marker,
      args: [marker],
    });
    await plain.connection.close();

    const text = databaseText();
    expect(text).toContain(marker);
    expect(text).not.toContain('Gustafsson');
    expect(text).not.toMatch(/19500505-?1239|500505-?1239/);
  });
});
