import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * The audit log is append-only for whoever connects, the apps' own role included: a row can
 * be written, never changed or removed (migration make_audit_entry_append_only).
 */
describe('audit_entry is append-only', () => {
  let pg: Client;
  const id = randomUUID();

  beforeAll(async () => {
    pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    await pg.query(
      `INSERT INTO audit_entry (id, user_id, role, unit_id, action, outcome, stay_id)
       VALUES ($1, 'demo-ward-goteborg', 'ward_staff', 'sv-sahlgrenska-avd-32', 'stay.read', 'ok', $2)`,
      [id, randomUUID()],
    );
  });
  afterAll(() => pg.end());

  it.each([
    ['UPDATE', `UPDATE audit_entry SET outcome = 'denied' WHERE id = $1`],
    ['DELETE', 'DELETE FROM audit_entry WHERE id = $1'],
  ])('refuses %s of a written row', async (operation, sql) => {
    await expect(pg.query(sql, [id])).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining(`audit_entry is append-only: ${operation}`),
    });
  });

  it('refuses TRUNCATE', async () => {
    await expect(pg.query('TRUNCATE audit_entry')).rejects.toMatchObject({ code: '42501' });
  });

  it('keeps the row as written and still takes new ones', async () => {
    const { rows } = await pg.query<{ outcome: string }>(
      'SELECT outcome FROM audit_entry WHERE id = $1',
      [id],
    );
    expect(rows).toEqual([{ outcome: 'ok' }]);
    await pg.query(
      `INSERT INTO audit_entry (id, user_id, role, action, outcome)
       VALUES ($1, 'demo-processagare', 'processagare', 'monitoring.kpis', 'ok')`,
      [randomUUID()],
    );
  });
});
