import type { StayDriver } from '../support/stay-driver';

/** Needs from every huvudman: the ward's messages, UK notice and SIP tasks all open. */
export const allNeeds = {
  socialtjanst: true,
  kommunalHalsoOchSjukvard: true,
  regionalPrimarvard: true,
};

/**
 * Admits a stay of a patient folkbokförd in `kommunCode` on `wardUnitId`: the monitoring and
 * report tests keep to kommuner and months no other test uses, so their figures are theirs
 * alone in the shared database.
 */
export function admitIn(
  driver: StayDriver,
  options: {
    kommunCode: string;
    wardUnitId: string;
    listedVardcentralUnitId: string;
    admittedAt: string;
    personnummer?: string;
  },
): Promise<string> {
  return driver.admit(options);
}

/** 08:00 UTC etc. on a day: `at('2025-03-03', 8)`. */
export const at = (day: string, hour = 8) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`).toISOString();
