import { demoUnits } from '../seed/demo-units';
import { resolveReceivingUnits, type StayAddress } from './receiving-units';

/**
 * Rule: nothing is dropped silently. When a task's receiving unit cannot be resolved — no
 * listed vårdcentral, a kommun without configured units, a kommun with several areas and no
 * address to choose by — the task goes to an intake of the kommun or the region. Routing
 * within a kommun by area is data (the units' areas), not code. Checked on the demo data.
 */
const ward = 'sv-sahlgrenska-avd-32';
const resolve = (stay: Omit<StayAddress, 'wardUnitId'>) =>
  resolveReceivingUnits(demoUnits, { wardUnitId: ward, ...stay });

describe('resolveReceivingUnits (receivers from the units as data)', () => {
  it.each<[string, Omit<StayAddress, 'wardUnitId'>, Record<string, unknown>]>([
    [
      'Mölndal, listed: every receiver is a unit of its own',
      { kommunCode: '1481', listedVardcentralUnitId: 'rpv-vc-molndal-centrum' },
      {
        ward,
        listedVardcentral: 'rpv-vc-molndal-centrum',
        kommunHemsjukvard: 'kpv-molndal-hemsjukvard',
        kommunSocialtjanst: 'kst-molndal-bistand',
        kommunHemtjanst: 'kst-molndal-hemtjanst',
        kommunKorttid: 'kst-molndal-korttid',
        processagare: 'po-goteborgsomradet',
      },
    ],
    [
      'no listed vårdcentral: the region’s primary care intake holds its tasks',
      { kommunCode: '1481' },
      { intake: { 'listed-vardcentral': 'rpv-mottagning' } },
    ],
    [
      'Göteborg, postnummer 414 63 (Majorna/Linné): that area’s hemtjänst',
      { kommunCode: '1480', listedVardcentralUnitId: 'rpv-vc-majorna', postalCode: '41463' },
      { kommunHemtjanst: 'kst-goteborg-hemtjanst-majorna-linne' },
    ],
    [
      'Göteborg, postnummer 424 32 (Angered): that area’s hemtjänst',
      { kommunCode: '1480', listedVardcentralUnitId: 'rpv-vc-majorna', postalCode: '42432' },
      { kommunHemtjanst: 'kst-goteborg-hemtjanst-angered' },
    ],
    [
      'Göteborg without an address: several areas, so the kommun’s own intake',
      { kommunCode: '1480', listedVardcentralUnitId: 'rpv-vc-majorna' },
      {
        kommunHemsjukvard: 'kpv-goteborg-hemsjukvard',
        intake: { 'kommun-hemtjanst': 'kst-goteborg-mottagning' },
      },
    ],
    [
      'Göteborg, a postnummer in no area (Mölndal’s 431 xx): the kommun’s intake',
      { kommunCode: '1480', listedVardcentralUnitId: 'rpv-vc-majorna', postalCode: '43131' },
      { intake: { 'kommun-hemtjanst': 'kst-goteborg-mottagning' } },
    ],
    [
      'Kungälv (our county, no units configured): the intakes for other kommuner',
      { kommunCode: '1482', listedVardcentralUnitId: 'rpv-vc-majorna' },
      {
        intake: {
          'kommun-hemsjukvard': 'kpv-mottagning-ovriga-kommuner',
          'kommun-socialtjanst': 'kst-mottagning-ovriga-kommuner',
          'kommun-hemtjanst': 'kst-mottagning-ovriga-kommuner',
          'kommun-korttid': 'kst-mottagning-ovriga-kommuner',
        },
      },
    ],
    [
      'Stockholm (another county): the intakes for other kommuner, marked out of county',
      { kommunCode: '0180' },
      {
        outOfCounty: true,
        intake: {
          'listed-vardcentral': 'rpv-mottagning',
          'kommun-hemsjukvard': 'kpv-mottagning-ovriga-kommuner',
          'kommun-socialtjanst': 'kst-mottagning-ovriga-kommuner',
          'kommun-hemtjanst': 'kst-mottagning-ovriga-kommuner',
          'kommun-korttid': 'kst-mottagning-ovriga-kommuner',
        },
      },
    ],
  ])('%s', (_case, stay, expected) => {
    expect(resolve(stay)).toMatchObject(expected);
  });

  it('resolves each receiver once: a resolved one is never also sent to an intake', () => {
    const units = resolve({ kommunCode: '1480', postalCode: '41463' });
    expect(units.kommunHemtjanst).toBe('kst-goteborg-hemtjanst-majorna-linne');
    expect(units.intake).toEqual({ 'listed-vardcentral': 'rpv-mottagning' });
    expect(units.outOfCounty).toBeUndefined();
  });

  it('prefers the longest postal code prefix, and refuses to guess between equals', () => {
    const area = (id: string, prefixes: string[]) => ({
      id,
      lane: 'kommunal_socialtjanst' as const,
      kind: 'hemtjanst' as const,
      kommunCode: '1480',
      postalCodePrefixes: prefixes,
    });
    const intake = { ...area('intake', []), kind: 'intake' as const };
    const stay = { wardUnitId: ward, kommunCode: '1480', postalCode: '41463' };
    expect(
      resolveReceivingUnits([area('wide', ['41']), area('narrow', ['4146']), intake], stay),
    ).toMatchObject({ kommunHemtjanst: 'narrow' });
    expect(
      resolveReceivingUnits([area('a', ['414']), area('b', ['414']), intake], stay),
    ).toMatchObject({ intake: { 'kommun-hemtjanst': 'intake' } });
  });
});
