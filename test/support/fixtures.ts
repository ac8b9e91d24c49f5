import { randomUUID } from 'node:crypto';

/**
 * A valid (Luhn-checked) personnummer no other test uses, so stays of different tests never
 * look like readmissions of one patient.
 */
export function randomPersonnummer(): string {
  const year = 1930 + Math.floor(Math.random() * 70);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  const serial = 1 + Math.floor(Math.random() * 999); // 000 is never issued
  const digits = `${String(year).slice(2)}${pad(month)}${pad(day)}${String(serial).padStart(3, '0')}`;
  return `${year}${digits.slice(2)}${luhn(digits)}`;
}

/** The Luhn check digit of the nine digits YYMMDDNNN. */
export function luhn(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The same personnummer with a check digit that is always wrong. */
export function withWrongCheckDigit(personnummer: string): string {
  const last = Number(personnummer.at(-1));
  return `${personnummer.slice(0, -1)}${(last + 1) % 10}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

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
