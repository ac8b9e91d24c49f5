import { Client } from 'pg';

/** Row counts of every table that a request could change, to prove a 4xx changed nothing. */
export async function rowCounts(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of [
      'patient',
      'stay',
      'stay_event',
      'task',
      'deviation',
      'idempotency_record',
    ]) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      counts[table] = Number(rows[0]?.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}
