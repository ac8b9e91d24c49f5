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

/**
 * Göteborg's ten NOSAM areas (närområdessamverkan, following the NOP areas since August 2025),
 * each with its own hemtjänst. The postal code prefixes are demo data: roughly where the
 * areas are, enough to show routing by area; a deployment imports the real table.
 */
const goteborgAreas: readonly { slug: string; name: string; prefixes: string[] }[] = [
  { slug: 'angered', name: 'Angered', prefixes: ['424'] },
  { slug: 'askim-frolunda-hogsbo', name: 'Askim/Frölunda/Högsbo', prefixes: ['421'] },
  { slug: 'centrum', name: 'Centrum', prefixes: ['411', '412'] },
  { slug: 'lundby', name: 'Lundby', prefixes: ['417'] },
  { slug: 'majorna-linne', name: 'Majorna/Linné', prefixes: ['413', '414'] },
  { slug: 'norra-hisingen', name: 'Norra Hisingen', prefixes: ['422', '425'] },
  { slug: 'vastra-goteborg', name: 'Västra Göteborg', prefixes: ['426', '427'] },
  { slug: 'vastra-hisingen', name: 'Västra Hisingen', prefixes: ['418', '423'] },
  { slug: 'orgryte-harlanda', name: 'Örgryte/Härlanda', prefixes: ['416'] },
  { slug: 'ostra-goteborg', name: 'Östra Göteborg', prefixes: ['415'] },
];

type DemoUnit = Omit<UnitRecord, 'kind' | 'area' | 'postalCodePrefixes'> &
  Partial<Pick<UnitRecord, 'kind' | 'area' | 'postalCodePrefixes'>>;

const unit = (u: DemoUnit): UnitRecord => ({
  kind: 'standard',
  area: null,
  postalCodePrefixes: [],
  ...u,
});

function hemtjanstUnits(kommun: (typeof demoKommuner)[number]): UnitRecord[] {
  const lane = 'kommunal_socialtjanst' as const;
  if (kommun.slug !== 'goteborg')
    return [
      unit({
        id: `kst-${kommun.slug}-hemtjanst`,
        name: `Hemtjänsten ${kommun.name}`,
        lane,
        kommunCode: kommun.code,
        kind: 'hemtjanst',
      }),
    ];
  return [
    ...goteborgAreas.map((area) =>
      unit({
        id: `kst-goteborg-hemtjanst-${area.slug}`,
        name: `Hemtjänsten ${area.name}, Göteborg`,
        lane,
        kommunCode: kommun.code,
        kind: 'hemtjanst',
        area: area.name,
        postalCodePrefixes: area.prefixes,
      }),
    ),
    // Where the patient's address is not known or lies outside every area.
    unit({
      id: 'kst-goteborg-mottagning',
      name: 'Göteborgs Stad, mottagning för utskrivning',
      lane,
      kommunCode: kommun.code,
      kind: 'intake',
    }),
  ];
}

/**
 * Per kommun: a ward, a vårdcentral, hemsjukvård, a biståndshandläggarenhet, hemtjänst (one per
 * NOSAM area in Göteborg) and a korttidsboende.
 */
const kommunUnits: readonly UnitRecord[] = demoKommuner.flatMap((kommun) => {
  const ward = demoWards[kommun.slug];
  const vardcentral = demoVardcentraler[kommun.slug];
  if (!ward || !vardcentral) throw new Error(`demo data incomplete for ${kommun.name}`);
  return [
    unit({ ...ward, lane: 'slutenvard', kommunCode: kommun.code }),
    unit({ ...vardcentral, lane: 'regional_primarvard', kommunCode: kommun.code }),
    unit({
      id: `kpv-${kommun.slug}-hemsjukvard`,
      name: `Hemsjukvården ${kommun.name}`,
      lane: 'kommunal_primarvard',
      kommunCode: kommun.code,
    }),
    unit({
      id: `kst-${kommun.slug}-bistand`,
      name: `Biståndshandläggare ${kommun.name}`,
      lane: 'kommunal_socialtjanst',
      kommunCode: kommun.code,
    }),
    ...hemtjanstUnits(kommun),
    unit({
      id: `kst-${kommun.slug}-korttid`,
      name: `Korttidsboendet ${kommun.name}`,
      lane: 'kommunal_socialtjanst',
      kommunCode: kommun.code,
      kind: 'korttid',
    }),
  ];
});

/**
 * The region's units (no kommun): the intakes that hold tasks whose receiver is not known —
 * a patient without a listed vårdcentral, a kommun we have no units for (another county) —
 * until someone routes them, and the processägare of the collaboration.
 */
const regionUnits: readonly UnitRecord[] = [
  unit({
    id: 'rpv-mottagning',
    name: 'Primärvårdens mottagning, patient utan listning',
    lane: 'regional_primarvard',
    kommunCode: null,
    kind: 'intake',
  }),
  unit({
    id: 'kpv-mottagning-ovriga-kommuner',
    name: 'Mottagning för övriga kommuner, hälso- och sjukvård',
    lane: 'kommunal_primarvard',
    kommunCode: null,
    kind: 'intake',
  }),
  unit({
    id: 'kst-mottagning-ovriga-kommuner',
    name: 'Mottagning för övriga kommuner, socialtjänst',
    lane: 'kommunal_socialtjanst',
    kommunCode: null,
    kind: 'intake',
  }),
  unit({
    id: 'po-goteborgsomradet',
    name: 'Processägare, Vårdsamverkan Göteborgsområdet',
    lane: 'system',
    kommunCode: null,
    kind: 'processagare',
  }),
];

export const demoUnits: readonly UnitRecord[] = [...kommunUnits, ...regionUnits];
