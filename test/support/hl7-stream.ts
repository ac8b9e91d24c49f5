import { randomUUID } from 'node:crypto';
import { histogram } from './chaos';
import { randomPersonnummer } from './fixtures';
import { MllpSender, adt, query } from './hl7';

const STAYS = 20;

/**
 * Sends 20 stays (A01, then A03) over MLLP, runs `fault` once a quarter of the messages were
 * accepted, and checks that every message ended accepted once and every stay discharged once.
 */
export async function streamThrough(port: number, label: string, fault: () => Promise<void>) {
  const codes: string[] = [];
  /** Sends until AA, on a fresh connection after a timeout, as an engine's resend queue does. */
  const sendUntilAccepted = async (text: string) => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const sender = new MllpSender(port);
      try {
        const { code, text: reason } = await sender.send(text);
        codes.push(code === 'AE' ? `AE ${reason.slice(0, 20)}` : code);
        if (code === 'AA') return;
        if (code !== 'AE') throw new Error(`refused: ${code} ${reason}`);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        codes.push('no answer');
      } finally {
        await sender.close();
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const visits = Array.from({ length: STAYS }, () => `C${randomUUID().slice(0, 12)}`);
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  let settled = 0;
  const stream = visits.map(async (visit) => {
    const personnummer = randomPersonnummer();
    await sendUntilAccepted(
      adt({ event: 'A01', controlId: `${visit}-1`, visit, at: at(5), personnummer }),
    );
    settled += 1;
    await sendUntilAccepted(
      adt({
        event: 'A03',
        controlId: `${visit}-3`,
        visit,
        at: at(1),
        personnummer,
        disposition: '01',
      }),
    );
    settled += 1;
  });
  while (settled < STAYS / 2) await new Promise((r) => setTimeout(r, 5));
  const killedAfter = settled;
  await fault();
  await Promise.all(stream);

  const rows = await query<{ status: string; n: string }>(
    'SELECT status, count(*) AS n FROM integration_message GROUP BY status',
  );
  const stays = await query<{ status: string; discharged: string; visits: string }>(
    `SELECT s.status,
     (SELECT count(*) FROM stay_event e WHERE e.stay_id = s.id AND e.type = 'discharged') AS discharged,
     (SELECT count(*) FROM integration_visit v WHERE v.stay_id = s.id) AS visits
     FROM stay s JOIN integration_visit iv ON iv.stay_id = s.id`,
  );
  console.log(
    `chaos MLLP ${label}: ${2 * STAYS} messages, fault after ${killedAfter} ` +
      `accepted; answers ${histogram(codes)}; messages ${rows.map((r) => `${r.status} ${r.n}`).join(', ')}`,
  );
  expect(rows).toEqual([{ status: 'applied', n: String(2 * STAYS) }]);
  expect(stays).toHaveLength(STAYS);
  // The discharge projection may still be on its way for the last ones.
  for (let i = 0; i < 100; i++) {
    const pending = await query<{ n: string }>(
      `SELECT count(*) AS n FROM stay s JOIN integration_visit v ON v.stay_id = s.id
     WHERE s.status <> 'discharged'`,
    );
    if (pending[0]?.n === '0') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const final = await query<{ status: string; discharged: string }>(
    `SELECT s.status,
     (SELECT count(*) FROM stay_event e WHERE e.stay_id = s.id AND e.type = 'discharged') AS discharged
     FROM stay s JOIN integration_visit v ON v.stay_id = s.id`,
  );
  expect(final.every((s) => s.status === 'discharged' && s.discharged === '1')).toBe(true);
}
