import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { prepareDatabase } from '@app/persistence';
import { dataDir, migrationsDir } from '../../tools/stack/paths';
import { freePort } from '../../tools/stack/ports';
import { ensureDatabase, startPostgres } from '../../tools/stack/postgres';
import { startTemporalDevServer } from '../../tools/stack/temporal';
import { stackHandles } from './handles';

const testPayloadCodecKey = Buffer.alloc(32, 'utskrivningsflodet-test').toString('base64');

/**
 * Starts, once per test run, a real Temporal dev server (in memory, headless) and a real
 * PostgreSQL (DATABASE_URL's server, or an embedded one), with a fresh migrated database.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`[e2e setup] ${line}\n`);
  const started = Date.now();
  const [temporal, postgres] = await Promise.all([
    startTemporalDevServer({ port: await freePort(), log }),
    startPostgres({
      ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
      // A throw-away cluster per run, so parallel runs (two developers' tests) never share one.
      dataDir: join(dataDir, `postgres-test-${process.pid}`),
      persistent: false,
      port: await freePort(),
      log,
    }),
  ]);
  const database = `e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = await ensureDatabase(postgres.adminUrl, database);
  await prepareDatabase(databaseUrl, migrationsDir, { seed: true });

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `e2e-${database}`,
    PATIENT_KEY_SECRET: randomBytes(32).toString('hex'),
    // A fixed, test-only key: histories recorded by tests (test/replay) replay with it.
    PAYLOAD_CODEC_KEY: testPayloadCodecKey,
    PAYLOAD_CODEC_KEY_ID: 'test',
    LOG_LEVEL: 'warn',
    /** For tests that create databases of their own (migration runner tests). */
    TEST_ADMIN_DATABASE_URL: postgres.adminUrl,
  });
  stackHandles.set({ temporal, postgres, database });
  log(`stack ready in ${Date.now() - started} ms (database ${database})`);
}
