import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Applies the hand-written SQL migrations in prisma/migrations/<timestamp>_<verb>_<what>/migration.sql
 * in name order, each in its own transaction. Prisma's schema engine cannot be fetched on our
 * machines, so this replaces `prisma migrate deploy`; it records into Prisma's own
 * `_prisma_migrations` table with the same SHA-256 checksums, so the engine, where present,
 * sees the same history.
 */

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;
/** The same advisory lock key Prisma Migrate takes, so two runners never interleave. */
const ADVISORY_LOCK_KEY = 72707369;

export async function readMigrations(directory: string): Promise<Migration[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    if (!MIGRATION_NAME.test(name))
      throw new MigrationError(
        `Migration folder "${name}" must be named <YYYYMMDDHHMMSS>_<verb>_<what> in lower case`,
      );
    const sql = await readFile(join(directory, name, 'migration.sql'), 'utf8');
    migrations.push({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function applyMigrations(
  databaseUrl: string,
  directory: string,
): Promise<MigrationResult> {
  const migrations = await readMigrations(directory);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const recorded = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const known = new Set(migrations.map((m) => m.name));
    for (const name of recorded.keys()) {
      if (!known.has(name))
        throw new MigrationError(
          `Migration ${name} is recorded in the database but missing from ${directory}`,
        );
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      const checksum = recorded.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum)
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied ` +
              `(checksum ${checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk). ` +
              'Applied migrations are immutable: restore the file and add a new migration instead.',
          );
        continue;
      }
      await applyOne(client, migration);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: recorded.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function applyOne(client: Client, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
    );
  }
}
