import { Hl7Message } from '@medplum/core';
import { isRefusal, readAdt, type AdtMessage } from './adt';
import { parseHl7Time } from './hl7-time';

const msh = (type = 'ADT^A01^ADT_A01', version = '2.5', id = 'MSG1') =>
  `MSH|^~\\&|PAS|SU|UTSK|VGR|20261123080000||${type}|${id}|P|${version}|||||SWE|UNICODE UTF-8`;
const pid =
  'PID|1||123^^^X^MR~191212121212^^^SE-PNR&1.2.752.129.2.1.3.1&ISO^PN||Tolvansson^Tolvan||19121212|M|||Gatan 1^^Göteborg^^41301^SE^H^^1480';
const pv1 = (extra = '') => `PV1|1|I|AVD32^^^SU||||||||||||||||V123${extra}`;
const read = (...segments: string[]) => readAdt(Hl7Message.parse(segments.join('\r')));

describe('readAdt', () => {
  it('reads the admission: visit, personnummer by type, name, kommun, postnummer, ward, time', () => {
    const adt = read(msh(), 'EVN|A01|20261123073000', pid, pv1()) as AdtMessage;
    expect(isRefusal(adt)).toBe(false);
    expect(adt).toMatchObject({
      event: 'A01',
      facility: 'SU',
      visitNumber: 'V123',
      location: { facility: 'SU', code: 'AVD32' },
      patient: {
        personnummer: '191212121212',
        name: 'Tolvan Tolvansson',
        kommunCode: '1480',
        postalCode: '41301',
        died: false,
      },
    });
    // EVN-2 without an offset is Swedish wall time (CET in November).
    expect(adt.occurredAt.toISOString()).toBe('2026-11-23T06:30:00.000Z');
  });

  it('prefers EVN-6 (event occurred) to EVN-2 and MSH-7', () => {
    const adt = read(
      msh(),
      'EVN|A01|20261123073000||||20261123060000+0100',
      pid,
      pv1(),
    ) as AdtMessage;
    expect(adt.occurredAt.toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });

  it.each([
    [msh('ORU^R01^ORU_R01'), 'AR', 'unsupported-message-type'],
    [msh('ADT^A04^ADT_A01'), 'AR', 'unsupported-event'],
    [msh(undefined, '2.3'), 'AR', 'unsupported-version'],
    [msh(undefined, undefined, ''), 'AR', 'no-control-id'],
  ])('refuses %s', (header, ack, code) => {
    expect(read(header, 'EVN|A01|20261123073000', pid, pv1())).toEqual(
      expect.objectContaining({ ack, code }),
    );
  });

  it('refuses content it cannot use, naming the field', () => {
    expect(read(msh(), 'EVN|A01|2026112', pid, pv1())).toMatchObject({ code: 'bad-event-time' });
    expect(read(msh(), 'EVN|A01|20261123073000', pid)).toMatchObject({ code: 'missing-segment' });
    expect(read(msh(), 'EVN|A01|20261123073000', pid, 'PV1|1|I|AVD32')).toMatchObject({
      code: 'no-visit-number',
      reason: expect.stringContaining('PV1-19'),
    });
  });

  it('reads a death from PID-29/30 and the disposition from PV1-36', () => {
    const died = `${pid}${'|'.repeat(18)}20261124031500+0100|Y`;
    const dispositionField = `${'|'.repeat(17)}20`;
    const adt = read(
      msh('ADT^A03^ADT_A03'),
      'EVN|A03|20261124080000',
      died,
      pv1(dispositionField),
    ) as AdtMessage;
    expect(adt.patient).toMatchObject({ died: true });
    expect(adt.patient.diedAt?.toISOString()).toBe('2026-11-24T02:15:00.000Z');
    expect(adt.disposition).toBe('20');
  });
});

describe('parseHl7Time', () => {
  it('reads offsets, seconds and fractions, and Swedish summer time without an offset', () => {
    expect(parseHl7Time('202606151200')?.toISOString()).toBe('2026-06-15T10:00:00.000Z');
    expect(parseHl7Time('20260615120030.5-0300')?.toISOString()).toBe('2026-06-15T15:00:30.500Z');
  });
  it.each(['20260231120000', '2026061512', '20261301120000', 'yesterday'])('refuses %s', (v) => {
    expect(parseHl7Time(v)).toBeUndefined();
  });
});
