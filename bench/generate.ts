import { Client } from 'pg';
import { demoUnits } from '@app/persistence';

/**
 * Fills the read model with `stays` active stays and about 60 tasks each (1.5 M rows for
 * 25 000 stays), spread over the demo units, statuses and due times as a busy region would
 * have them. Written straight into PostgreSQL in batches (the workflows are not needed to
 * measure the list queries), with a progress bar.
 */
export async function generateReadModel(
  databaseUrl: string,
  stays: number,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const wards = demoUnits.filter((u) => u.lane === 'slutenvard');
  const taskUnits = demoUnits.map((u) => `('${u.id}','${u.lane}')`).join(',');
  const batch = 1000;
  try {
    for (let from = 0; from < stays; from += batch) {
      const to = Math.min(stays, from + batch);
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO patient (id, patient_key, personnummer, name, folkbokforingskommun)
         SELECT md5('bench-patient' || n)::uuid, md5('key' || n), 'bench-' || n, 'Bench ' || n, '1480'
         FROM generate_series($1::int, $2::int - 1) AS n`,
        [from, to],
      );
      await client.query(
        `INSERT INTO stay (id, workflow_id, patient_id, process_definition_version, ward_unit_id,
           kommun_code, care_type, status, admitted_at, version)
         SELECT md5('bench-stay' || n)::uuid, 'bench-' || n, md5('bench-patient' || n)::uuid, 1,
           (ARRAY[${wards.map((w) => `'${w.id}'`).join(',')}])[1 + n % ${wards.length}],
           '1480', 'somatic', 'admitted', now() - (n % 240) * interval '1 hour', 1
         FROM generate_series($1::int, $2::int - 1) AS n`,
        [from, to],
      );
      await client.query(
        `INSERT INTO task (id, stay_id, activity_id, unit_id, lane, status, triggered_at, due_at,
           overdue, version)
         SELECT 'bench-' || n || '-' || k, md5('bench-stay' || n)::uuid, 'activity-' || k, u.id,
           u.lane::"Lane",
           (CASE WHEN k % 20 < 14 THEN 'done' WHEN k % 20 < 15 THEN 'cancelled'
                 WHEN k % 20 < 19 THEN 'open' ELSE 'claimed' END)::"TaskStatus",
           now() - interval '10 days',
           now() + ((n * 7 + k * 13) % 1440 - 720) * interval '1 minute' * 20,
           ((n * 7 + k * 13) % 1440 - 720) < 0 AND k % 20 >= 15,
           1
         FROM generate_series($1::int, $2::int - 1) AS n
         CROSS JOIN generate_series(0, 59) AS k
         CROSS JOIN LATERAL (SELECT * FROM (VALUES ${taskUnits}) AS v(id, lane)
           OFFSET (n + k) % ${demoUnits.length} LIMIT 1) AS u`,
        [from, to],
      );
      await client.query('COMMIT');
      onProgress(to, stays);
    }
    await client.query('ANALYZE task');
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM task');
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
