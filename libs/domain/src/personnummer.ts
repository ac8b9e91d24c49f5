import { createHmac } from 'node:crypto';
import Personnummer from 'personnummer';

// Samordningsnummer are accepted (people without a Swedish personnummer get care too);
// interim numbers (T-numbers) are not national identifiers and are refused.
const options = { allowCoordinationNumber: true, allowInterimNumber: false };

/**
 * True for a valid Swedish personnummer or samordningsnummer (Luhn checked), in any of
 * the usual forms (YYMMDD-NNNN, YYYYMMDDNNNN, ...).
 */
export function isValidPersonnummer(value: string): boolean {
  return Personnummer.valid(value, options);
}

/** The canonical 12-digit form (YYYYMMDDNNNN), so the same person always hashes alike. */
export function normalisePersonnummer(value: string): string {
  return Personnummer.parse(value, options).format(true);
}

/** Keyed hash (HMAC-SHA256) of the canonical personnummer: links stays without revealing it. */
export function patientKeyOf(personnummer: string, secret: string): string {
  return createHmac('sha256', secret).update(normalisePersonnummer(personnummer)).digest('hex');
}
