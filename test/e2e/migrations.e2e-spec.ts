import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { applyMigrations, MigrationError } from '@app/persistence';
import { dropDatabase, ensureDatabase } from '../../tools/stack/postgres';

/** The migration runner against a real PostgreSQL, on a scratch database per test. */
describe('migration runner', () => {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? '';
  let database: string;
  let url: string;
  let dir: string;

  function write(name: string, sql: string): void {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }

  async function query<T extends object>(sql: string): Promise<T[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  beforeEach(async () => {
    database = `migrations_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    url = await ensureDatabase(adminUrl, database);
    dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  });
  afterEach(() => dropDatabase(adminUrl, database));

  it('applies migrations in name order once, recording Prisma-compatible checksums', async () => {
    write('20260101000000_create_a', 'CREATE TABLE a (id int PRIMARY KEY);');
    write('20260102000000_add_b', 'ALTER TABLE a ADD COLUMN b text;');
    expect(await applyMigrations(url, dir)).toEqual({
      applied: ['20260101000000_create_a', '20260102000000_add_b'],
      alreadyApplied: 0,
    });
    expect(await applyMigrations(url, dir)).toEqual({ applied: [], alreadyApplied: 2 });
    const rows = await query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual([
      '20260101000000_create_a',
      '20260102000000_add_b',
    ]);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a migration that was changed after it was applied', async () => {
    write('20260101000000_create_a', 'CREATE TABLE a (id int PRIMARY KEY);');
    await applyMigrations(url, dir);
    write('20260101000000_create_a', 'CREATE TABLE a (id bigint PRIMARY KEY);');
    write('20260102000000_add_b', 'ALTER TABLE a ADD COLUMN b text;');
    await expect(applyMigrations(url, dir)).rejects.toThrow(
      /Migration 20260101000000_create_a was changed after it was applied/,
    );
    // Nothing after the changed migration ran.
    expect(await query("SELECT 1 FROM information_schema.columns WHERE column_name = 'b'")).toEqual(
      [],
    );
  });

  it('rolls a failing migration back and records nothing for it', async () => {
    write(
      '20260101000000_create_a',
      'CREATE TABLE a (id int PRIMARY KEY); SELECT no_such_function();',
    );
    await expect(applyMigrations(url, dir)).rejects.toThrow(MigrationError);
    expect(await query("SELECT 1 FROM information_schema.tables WHERE table_name = 'a'")).toEqual(
      [],
    );
    expect(await query('SELECT 1 FROM _prisma_migrations')).toEqual([]);
  });

  it('refuses folder names that do not follow <timestamp>_<verb>_<what>', async () => {
    write('create_a', 'SELECT 1;');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/must be named/);
  });
});
