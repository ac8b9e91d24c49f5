import { randomUUID } from 'node:crypto';

/** Personnummer with valid Luhn check digits, for tests only. */
export const testPersonnummer = ['19121212-1212', '199001012385', '194703152381'] as const;

export function admissionBody(overrides: Record<string, unknown> = {}) {
  return {
    patient: {
      personnummer: testPersonnummer[0],
      name: 'Tolvan Tolvansson',
      folkbokforingskommun: '1480',
      listedVardcentralUnitId: 'rpv-vc-majorna',
    },
    wardUnitId: 'sv-sahlgrenska-avd-32',
    admittedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    careType: 'somatic',
    ...overrides,
  };
}

export const newKey = (): string => `test-${randomUUID()}`;

export const hoursAgo = (hours: number): string =>
  new Date(Date.now() - hours * 3_600_000).toISOString();
