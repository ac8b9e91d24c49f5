import { Client } from 'pg';
import { demoKommuner } from '@app/persistence';
import { demoAdmittedAt, demoStages, demoStayPlan } from './demo-plan';

/** Valid (Luhn) test personnummer from a serial, so reruns give the same patients. */
function demoPersonnummer(serial: number): string {
  const digits = `4${serial % 10}0${1 + (serial % 9)}1${serial % 10}${String(100 + serial).slice(-3)}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return `19${digits}${(10 - (sum % 10)) % 10}`;
}

const firstNames = ['Greta', 'Sven', 'Inga', 'Bertil', 'Astrid', 'Gunnar', 'Maj', 'Rune'];
const lastNames = ['Lind', 'Berg', 'Holm', 'Ek', 'Sjöberg', 'Nyström', 'Falk', 'Strand'];

/**
 * Demo stays for a first look, admitted through the running API as the demo ward nurses:
 * in each kommun of Göteborgsområdet, stays at different points of the process (assessed,
 * PUD moved, utskrivningsklar, discharged), registered with their real times in the past,
 * so task queues, overdue lists, the timeline and the processägare's figures have content.
 * Only when the database has no stays yet.
 */
export async function seedDemoStays(
  apiUrl: string,
  databaseUrl: string,
  log: (line: string) => void,
): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM stay');
  await db.end();
  if (Number(rows[0]?.n) > 0) return;

  const call = async (path: string, token: string | undefined, body: unknown, key?: string) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  let serial = 0;
  for (const kommun of demoKommuner) {
    const token = String(
      (await call('/api/v1/dev/token', undefined, { userId: `demo-ward-${kommun.slug}` }))
        .accessToken,
    );
    const me = (await (
      await fetch(`${apiUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as {
      units?: { id: string }[];
    };
    const wardUnitId = me.units?.[0]?.id;
    if (!wardUnitId) throw new Error(`demo ward user of ${kommun.name} has no unit`);
    // Four stays per kommun, from just admitted to discharged (demo-plan.ts).
    for (let stage = 0; stage < demoStages; stage++) {
      serial += 1;
      const admittedAt = demoAdmittedAt(Date.now(), stage, serial);
      const stay = await call(
        '/api/v1/stays',
        token,
        {
          patient: {
            personnummer: demoPersonnummer(serial),
            name: `${firstNames[serial % 8] ?? 'Greta'} ${lastNames[(serial * 3) % 8] ?? 'Lind'}`,
            folkbokforingskommun: kommun.code,
          },
          wardUnitId,
          admittedAt: new Date(admittedAt).toISOString(),
          careType: 'somatic',
        },
        `demo-stay-${serial}`,
      );
      const id = String(stay.id);
      let step = 0;
      for (const s of demoStayPlan(stage, admittedAt)) {
        step += 1;
        const occurredAt = new Date(s.at).toISOString();
        if (s.kind === 'event') {
          await call(
            `/api/v1/stays/${id}/events`,
            token,
            { type: s.type, occurredAt, data: s.data },
            `demo-event-${serial}-${step}`,
          );
          continue;
        }
        const list = (await (
          await fetch(`${apiUrl}/api/v1/tasks?unit=${wardUnitId}&stay=${id}`, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).json()) as { items?: { id: string; activityId: string }[] };
        const task = list.items?.find((t) => t.activityId === s.activityId);
        if (task)
          await call(
            `/api/v1/tasks/${task.id}/complete`,
            token,
            { occurredAt },
            `demo-complete-${serial}-${step}`,
          );
      }
    }
  }
  log(`Demo data: ${serial} stays admitted through the API (none existed yet)`);
}
