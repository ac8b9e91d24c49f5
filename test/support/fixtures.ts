import { randomUUID } from 'node:crypto';

/** Test personnummer from Skatteverket's published test series (valid Luhn, no real person). */
export const testPersonnummer = ['19121212-1212', '199001012382', '194703152384'] as const;

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
