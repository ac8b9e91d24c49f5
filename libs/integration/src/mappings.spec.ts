import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHl7Mappings } from './mappings';

const dirWith = (units: unknown, dispositions: unknown) => {
  const dir = mkdtempSync(join(tmpdir(), 'hl7-mappings-'));
  writeFileSync(join(dir, 'units.json'), JSON.stringify(units));
  writeFileSync(join(dir, 'dispositions.json'), JSON.stringify(dispositions));
  return dir;
};
const ward = {
  facility: 'SU',
  code: 'AVD32',
  unitId: 'sv-sahlgrenska-avd-32',
  hospital: 'sahlgrenska',
};

describe('loadHl7Mappings', () => {
  it('loads the shipped tables', () => {
    const m = loadHl7Mappings();
    expect(m.ward('SU', 'AVD32')).toMatchObject({
      unitId: 'sv-sahlgrenska-avd-32',
      careType: 'somatic',
    });
    expect(m.dischargeDestination('03')).toBe('korttid');
    expect(m.isDeath('20')).toBe(true);
    expect(m.primaryCare('SE2321000131-E000000000101')).toBe('rpv-vc-majorna');
  });

  it('stops at a wrong entry, naming the file, the entry and the reason', () => {
    expect(() =>
      loadHl7Mappings(dirWith({ wards: [{ ...ward, unitId: 'Bad Id' }] }, { discharge: {} })),
    ).toThrow(/units\.json: wards\.0\.unitId must be a unit id/);
    expect(() =>
      loadHl7Mappings(dirWith({ wards: [ward] }, { discharge: { '01': 'hem' } })),
    ).toThrow(/dispositions\.json: discharge\.01/);
    expect(() => loadHl7Mappings(dirWith({ wards: [ward, ward] }, { discharge: {} }))).toThrow(
      /listed twice/,
    );
    expect(() =>
      loadHl7Mappings(dirWith({ wards: [ward] }, { discharge: { '20': 'home' }, death: ['20'] })),
    ).toThrow(/both a discharge and a death/);
  });
});
