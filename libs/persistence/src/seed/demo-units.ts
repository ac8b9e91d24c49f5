import type { UnitRecord } from '../repositories/unit.repository';

/** Göteborgsområdet's kommuner with their kommunkod. */
export const demoKommuner = [
  { code: '1480', name: 'Göteborg', slug: 'goteborg' },
  { code: '1481', name: 'Mölndal', slug: 'molndal' },
  { code: '1402', name: 'Partille', slug: 'partille' },
  { code: '1401', name: 'Härryda', slug: 'harryda' },
  { code: '1407', name: 'Öckerö', slug: 'ockero' },
] as const;

const demoWards: Record<string, { id: string; name: string }> = {
  goteborg: { id: 'sv-sahlgrenska-avd-32', name: 'Sahlgrenska, avdelning 32 (medicin)' },
  molndal: { id: 'sv-molndal-avd-5', name: 'Mölndals sjukhus, avdelning 5 (ortopedi)' },
  partille: { id: 'sv-ostra-avd-12', name: 'Östra sjukhuset, avdelning 12 (geriatrik)' },
  harryda: { id: 'sv-sahlgrenska-avd-41', name: 'Sahlgrenska, avdelning 41 (hjärtmedicin)' },
  ockero: { id: 'sv-ostra-psyk-6', name: 'Östra sjukhuset, psykiatri avdelning 6' },
};

const demoVardcentraler: Record<string, { id: string; name: string }> = {
  goteborg: { id: 'rpv-vc-majorna', name: 'Vårdcentralen Majorna' },
  molndal: { id: 'rpv-vc-molndal-centrum', name: 'Vårdcentralen Mölndal centrum' },
  partille: { id: 'rpv-vc-partille', name: 'Vårdcentralen Partille' },
  harryda: { id: 'rpv-vc-landvetter', name: 'Vårdcentralen Landvetter' },
  ockero: { id: 'rpv-vc-ockero', name: 'Vårdcentralen Öckerö' },
};

/** One ward, vårdcentral, hemsjukvård and biståndshandläggarenhet per kommun. */
export const demoUnits: readonly UnitRecord[] = demoKommuner.flatMap((kommun) => {
  const ward = demoWards[kommun.slug];
  const vardcentral = demoVardcentraler[kommun.slug];
  if (!ward || !vardcentral) throw new Error(`demo data incomplete for ${kommun.name}`);
  return [
    { ...ward, lane: 'slutenvard' as const, kommunCode: kommun.code },
    { ...vardcentral, lane: 'regional_primarvard' as const, kommunCode: kommun.code },
    {
      id: `kpv-${kommun.slug}-hemsjukvard`,
      name: `Hemsjukvården ${kommun.name}`,
      lane: 'kommunal_primarvard' as const,
      kommunCode: kommun.code,
    },
    {
      id: `kst-${kommun.slug}-bistand`,
      name: `Biståndshandläggare ${kommun.name}`,
      lane: 'kommunal_socialtjanst' as const,
      kommunCode: kommun.code,
    },
  ];
});
