import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDatabase } from '@app/persistence';
import { dataDir, migrationsDir, repoRoot } from './paths';
import { MailCatcher } from './mail-catcher';
import { isPortOpen, waitFor } from './ports';
import { seedDemoStays } from './demo-stays';
import { ensureDatabase, startPostgres } from './postgres';
import { startTemporalDevServer, stopChild } from './temporal';

/**
 * The whole system on one machine: Temporal dev server (SQLite under .data/), PostgreSQL
 * (DATABASE_URL or embedded under .data/), migrations, demo data, worker, API and the HL7 v2
 * listener.
 * Ctrl-C stops every child. Running it again reuses what exists.
 */
const log = (line: string) => process.stdout.write(`[run] ${line}\n`);
const apiPort = Number(process.env.PORT ?? 3000);
const temporalPort = Number(process.env.TEMPORAL_PORT ?? 7233);
const temporalUiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
const embeddedPostgresPort = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
const mllpPort = Number(process.env.MLLP_PORT ?? 2575);
const mailSmtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025);
const mailWebPort = Number(process.env.MAIL_CATCHER_PORT ?? 8025);

const stoppers: (() => Promise<void>)[] = [];
let stopping = false;

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const secrets = developmentSecrets();

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress && (await isPortOpen(temporalPort))) {
    temporalAddress = `127.0.0.1:${temporalPort}`;
    log(`Temporal: something already listens on ${temporalAddress}, reusing it`);
  }
  if (!temporalAddress) {
    const temporal = await startTemporalDevServer({
      port: temporalPort,
      uiPort: temporalUiPort,
      dbFile: join(dataDir, 'temporal.sqlite'),
      log,
    });
    stoppers.push(() => temporal.stop());
    temporalAddress = temporal.address;
    log(`Temporal: dev server on ${temporal.address}, web UI ${temporal.uiUrl ?? ''}`);
  }

  const postgres = await startPostgres({
    ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
    dataDir: join(dataDir, 'postgres'),
    port: embeddedPostgresPort,
    log,
  });
  stoppers.push(() => postgres.stop());
  const databaseUrl =
    process.env.DATABASE_URL || (await ensureDatabase(postgres.adminUrl, 'utskrivning'));
  const migrated = await prepareDatabase(databaseUrl, migrationsDir, { seed: true });
  log(
    `PostgreSQL: ${migrated.applied.length} migration(s) applied, ${migrated.alreadyApplied} already there; demo units loaded`,
  );

  // The units' e-mail digests go to a local mail catcher unless SMTP_URL names a real server.
  let mailCatcher: MailCatcher | undefined;
  if (!process.env.SMTP_URL) {
    mailCatcher = await new MailCatcher({ smtpPort: mailSmtpPort, httpPort: mailWebPort }).start();
    const started = mailCatcher;
    stoppers.push(() => started.stop());
  }

  const webDist = buildWebUi();
  const env = {
    ...process.env,
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? webDist,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    // The demo users' sign-in, asked for explicitly (the API refuses it outside development).
    AUTH_MODE: process.env.AUTH_MODE ?? 'dev',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(apiPort),
    MLLP_PORT: String(mllpPort),
    SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${mailSmtpPort}`,
    PUBLIC_WEB_URL: process.env.PUBLIC_WEB_URL ?? `http://localhost:${apiPort}`,
    PATIENT_KEY_SECRET: process.env.PATIENT_KEY_SECRET ?? secrets.PATIENT_KEY_SECRET,
    PAYLOAD_CODEC_KEY: process.env.PAYLOAD_CODEC_KEY ?? secrets.PAYLOAD_CODEC_KEY,
    PAYLOAD_CODEC_KEY_ID: process.env.PAYLOAD_CODEC_KEY_ID ?? 'dev',
  };
  startApp('worker', 'apps/worker/src/main.ts', env);
  startApp('api', 'apps/api/src/main.ts', env);
  startApp('integration', 'apps/integration/src/main.ts', env);
  await waitFor('the API', () => isPortOpen(apiPort), 120_000);
  await seedDemoStays(`http://127.0.0.1:${apiPort}`, databaseUrl, log).catch((error: unknown) =>
    log(`Demo stays not loaded: ${(error as Error).message}`),
  );
  log('');
  log(`Web UI:       http://localhost:${apiPort}/`);
  log(`API:          http://localhost:${apiPort}/api/v1/units`);
  log(`Health:       http://localhost:${apiPort}/health`);
  log(`HL7 v2 MLLP:  localhost:${mllpPort} (ADT A01, A02, A03, A08, A11, A13)`);
  if (!process.env.TEMPORAL_ADDRESS) log(`Temporal UI:  http://localhost:${temporalUiPort}`);
  if (mailCatcher)
    log(
      `E-post:       http://localhost:${mailCatcher.httpPort} (mail catcher, SMTP localhost:${mailCatcher.smtpPort})`,
    );
  log('Ctrl-C stops everything.');
}

function startApp(name: string, entry: string, env: NodeJS.ProcessEnv): void {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--enable-source-maps', '-r', '@swc-node/register', entry],
    { cwd: repoRoot, env, stdio: 'inherit' },
  );
  stoppers.unshift(() => stopChild(child));
  child.once('exit', (code, signal) => {
    if (stopping) return;
    log(`${name} exited (${signal ?? `code ${String(code)}`}); stopping the rest`);
    void shutdown(1);
  });
}

/** Builds the web UI (apps/web, a few seconds) into apps/web/dist, which the API serves. */
function buildWebUi(): string {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', 'apps/web', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the web UI failed');
  log('Web UI: built into apps/web/dist');
  return join(repoRoot, 'apps', 'web', 'dist');
}

interface DevelopmentSecrets {
  PATIENT_KEY_SECRET: string;
  PAYLOAD_CODEC_KEY: string;
}

/** Development secrets, generated once under .data/ (never committed); missing ones are added. */
function developmentSecrets(): DevelopmentSecrets {
  const file = join(dataDir, 'dev-secrets.json');
  const stored = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DevelopmentSecrets>)
    : {};
  const secrets: DevelopmentSecrets = {
    PATIENT_KEY_SECRET: stored.PATIENT_KEY_SECRET ?? randomBytes(32).toString('hex'),
    PAYLOAD_CODEC_KEY: stored.PAYLOAD_CODEC_KEY ?? randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const stop of stoppers) await stop().catch((e: unknown) => log(String(e)));
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((error: unknown) => {
  log(`failed: ${(error as Error).message}`);
  void shutdown(1);
});
