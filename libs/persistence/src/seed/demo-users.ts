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

function unitOf(kommunCode: string, lane: string): string {
  const unit = demoUnits.find((u) => u.kommunCode === kommunCode && u.lane === lane);
  if (!unit) throw new Error(`demo data has no ${lane} unit in kommun ${kommunCode}`);
  return unit.id;
}

/**
 * Demo users for the development sign-in: a ward nurse, a vårdcentral user, a hemsjukvård
 * nurse and a biståndshandläggare per kommun, and one processägare for the whole area.
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
    ];
  }),
  {
    id: 'demo-processagare',
    displayName: 'Birgitta Nord (processägare)',
    role: 'processagare',
    unitIds: [],
  },
];
