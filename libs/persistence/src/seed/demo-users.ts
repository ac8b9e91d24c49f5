import type { NewUser } from '../repositories/user.repository';
import { demoKommuner, demoUnits } from './demo-units';

/** Fictional first names for the demo users, one set per kommun. */
const names: Record<string, [string, string, string, string]> = {
  goteborg: ['Anna Berg', 'Karin Ek', 'Sara Lind', 'Johan Holm'],
  molndal: ['Maria Sjö', 'Erik Dahl', 'Lena Strand', 'Oskar Fors'],
  partille: ['Eva Ström', 'Per Ask', 'Nora Vik', 'Ali Hassan'],
  harryda: ['Sofia Rask', 'Lars Björk', 'Elin Mo', 'Amir Said'],
  ockero: ['Ida Hav', 'Nils Udd', 'Maja Skär', 'Tove Kobb'],
};

function unitOf(kommunCode: string, lane: string, kind = 'standard'): string {
  const unit = demoUnits.find(
    (u) => u.kommunCode === kommunCode && u.lane === lane && u.kind === kind,
  );
  if (!unit) throw new Error(`demo data has no ${lane} unit in kommun ${kommunCode}`);
  return unit.id;
}

/** Fictional names for the hemtjänst and korttidsboende staff, one pair per kommun. */
const careNames: Record<string, [string, string]> = {
  goteborg: ['Fatima Noor', 'Gustav Lund'],
  molndal: ['Hanna Ros', 'Viktor Alm'],
  partille: ['Leila Karimi', 'Olof Brink'],
  harryda: ['Stina Myr', 'Kalle Ljung'],
  ockero: ['Vera Brygga', 'Axel Sund'],
};

/**
 * Demo users for the development sign-in: a ward nurse, a vårdcentral user, a hemsjukvård
 * nurse, a biståndshandläggare, hemtjänst (in Göteborg: Majorna/Linné) and korttidsboende staff
 * per kommun; the coordinators of the intakes (patients without a listed vårdcentral, other
 * kommuner, Göteborg's mottagning); and one processägare for the whole area.
 */
export const demoUsers: readonly NewUser[] = [
  ...demoKommuner.flatMap((kommun): NewUser[] => {
    const [ward, vardcentral, hemsjukvard, bistand] = names[kommun.slug] ?? [];
    if (!ward || !vardcentral || !hemsjukvard || !bistand)
      throw new Error(`demo users incomplete for ${kommun.name}`);
    return [
      {
        id: `demo-ward-${kommun.slug}`,
        displayName: `${ward} (sjuksköterska)`,
        role: 'ward_staff',
        unitIds: [unitOf(kommun.code, 'slutenvard')],
      },
      {
        id: `demo-vardcentral-${kommun.slug}`,
        displayName: `${vardcentral} (vårdcentral)`,
        role: 'vardcentral_staff',
        unitIds: [unitOf(kommun.code, 'regional_primarvard')],
      },
      {
        id: `demo-hemsjukvard-${kommun.slug}`,
        displayName: `${hemsjukvard} (sjuksköterska, hemsjukvård)`,
        role: 'hemsjukvard_staff',
        unitIds: [unitOf(kommun.code, 'kommunal_primarvard')],
      },
      {
        id: `demo-bistand-${kommun.slug}`,
        displayName: `${bistand} (biståndshandläggare)`,
        role: 'bistandshandlaggare',
        unitIds: [unitOf(kommun.code, 'kommunal_socialtjanst')],
      },
      ...careUsers(kommun),
    ];
  }),
  {
    id: 'demo-mottagning-primarvard',
    displayName: 'Rut Hallberg (samordnare, primärvårdens mottagning)',
    role: 'vardcentral_staff',
    unitIds: ['rpv-mottagning'],
  },
  {
    id: 'demo-mottagning-ovriga-kommuner',
    displayName: 'Jonas Åberg (samordnare, övriga kommuner)',
    role: 'bistandshandlaggare',
    unitIds: ['kpv-mottagning-ovriga-kommuner', 'kst-mottagning-ovriga-kommuner'],
  },
  {
    id: 'demo-mottagning-goteborg',
    displayName: 'Mira Öst (samordnare, Göteborgs Stads mottagning)',
    role: 'bistandshandlaggare',
    unitIds: ['kst-goteborg-mottagning'],
  },
  {
    id: 'demo-processagare',
    displayName: 'Birgitta Nord (processägare)',
    role: 'processagare',
    // Holds the processägare's own tasks (dispute escalation, samverkansavvikelser).
    unitIds: ['po-goteborgsomradet'],
  },
];

function careUsers(kommun: (typeof demoKommuner)[number]): NewUser[] {
  const [hemtjanst, korttid] = careNames[kommun.slug] ?? [];
  if (!hemtjanst || !korttid) throw new Error(`demo users incomplete for ${kommun.name}`);
  const hemtjanstUnit =
    kommun.slug === 'goteborg'
      ? 'kst-goteborg-hemtjanst-majorna-linne'
      : unitOf(kommun.code, 'kommunal_socialtjanst', 'hemtjanst');
  return [
    {
      id: `demo-hemtjanst-${kommun.slug}`,
      displayName: `${hemtjanst} (hemtjänst)`,
      role: 'hemtjanst_staff',
      unitIds: [hemtjanstUnit],
    },
    {
      id: `demo-korttid-${kommun.slug}`,
      displayName: `${korttid} (korttidsboende)`,
      role: 'korttid_staff',
      unitIds: [unitOf(kommun.code, 'kommunal_socialtjanst', 'korttid')],
    },
  ];
}
