import type { UserRole } from '@app/domain';
import type { StayScope, UnitRecord, UserRecord } from '@app/persistence';

/** The signed-in user, as every controller and service sees it. Never logged. */
export interface Principal {
  userId: string;
  displayName: string;
  role: UserRole;
  units: readonly UnitRecord[];
  unitIds: readonly string[];
  /** Kommuner of the user's municipal units (hemsjukvård, socialtjänst). */
  kommunCodes: readonly string[];
}

export function principalOf(user: UserRecord): Principal {
  return {
    userId: user.id,
    displayName: user.displayName,
    role: user.role,
    units: user.units,
    unitIds: user.units.map((u) => u.id),
    kommunCodes: [
      ...new Set(
        user.units
          .filter((u) => u.lane === 'kommunal_primarvard' || u.lane === 'kommunal_socialtjanst')
          .flatMap((u) => (u.kommunCode ? [u.kommunCode] : [])),
      ),
    ],
  };
}

/** Processägare follow the whole process, pseudonymised; they act on no patient's tasks. */
export const isProcessOwner = (principal: Principal): boolean => principal.role === 'processagare';

/**
 * Which stays the user may see: ward staff their wards' stays, vårdcentral staff their listed
 * patients, kommun staff the stays of patients folkbokförda in their kommun that have a
 * municipal need, anyone the stays that have a live task at one of their units (a done or
 * cancelled one no longer counts), processägare all.
 */
export function scopeOf(principal: Principal): StayScope {
  if (isProcessOwner(principal)) return { kind: 'all' };
  const ofLane = (lane: UnitRecord['lane']) =>
    principal.units.filter((u) => u.lane === lane).map((u) => u.id);
  return {
    kind: 'units',
    wardUnitIds: ofLane('slutenvard'),
    vardcentralUnitIds: ofLane('regional_primarvard'),
    municipalKommunCodes: principal.kommunCodes,
    taskUnitIds: principal.unitIds,
  };
}

/** The unit through which the user reaches a stay, for the audit log (null: region-wide). */
export function unitForStay(
  principal: Principal,
  stay: { wardUnitId: string; listedVardcentralUnitId: string | null; kommunCode: string },
): string | null {
  if (isProcessOwner(principal)) return null;
  const match =
    principal.units.find((u) => u.id === stay.wardUnitId) ??
    principal.units.find((u) => u.id === stay.listedVardcentralUnitId) ??
    principal.units.find(
      (u) => u.lane.startsWith('kommunal_') && u.kommunCode === stay.kommunCode,
    ) ??
    principal.units[0];
  return match?.id ?? null;
}
