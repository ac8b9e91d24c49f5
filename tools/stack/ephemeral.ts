import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { prepareDatabase } from '@app/persistence';
import { dataDir, migrationsDir } from './paths';
import { freePort } from './ports';
import { dropDatabase, ensureDatabase, startPostgres, type PostgresServer } from './postgres';
import { startTemporalDevServer, type TemporalDevServer } from './temporal';

/**
 * A throw-away stack for a test or benchmark run: a Temporal dev server in memory and a
 * PostgreSQL (DATABASE_URL's server, or an embedded cluster of this run's own), with a fresh
 * migrated database holding the demo data, all on free ports. `env` is what the apps need.
 */
export interface EphemeralStack {
  temporal: TemporalDevServer;
  postgres: PostgresServer;
  database: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startEphemeralStack(
  label: string,
  log: (line: string) => void,
): Promise<EphemeralStack> {
  const [temporal, postgres] = await Promise.all([
    startTemporalDevServer({ port: await freePort(), log }),
    startPostgres({
      ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
      // A cluster per run, so parallel runs (two developers' tests, CI) never share one.
      dataDir: join(dataDir, `postgres-${label}-${process.pid}`),
      persistent: false,
      port: await freePort(),
      log,
    }),
  ]);
  const database = `${label}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = await ensureDatabase(postgres.adminUrl, database);
  await prepareDatabase(databaseUrl, migrationsDir, { seed: true });
  return {
    temporal,
    postgres,
    database,
    env: {
      NODE_ENV: 'test',
      // The tests sign in as the demo users; dev sign-in is only ever on when asked for.
      AUTH_MODE: 'dev',
      // The suites and the benchmark send far more than a person would; the limits are
      // tested on their own (test/e2e/edge-security.e2e-spec.ts).
      RATE_LIMIT_PER_USER_PER_MINUTE: '10000000',
      RATE_LIMIT_PER_IP_PER_MINUTE: '10000000',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `${label}-${database}`,
      PATIENT_KEY_SECRET: randomBytes(32).toString('hex'),
      PAYLOAD_CODEC_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
    },
    stop: async () => {
      await temporal.stop();
      await dropDatabase(postgres.adminUrl, database).catch(() => undefined);
      await postgres.stop();
    },
  };
}
