import type { StayUnits } from '@app/workflows';
import type { Lane, UnitKind } from '../generated/prisma/client';

/** A unit as routing sees it: lane, kind, kommun and the area it serves. */
export interface RoutableUnit {
  id: string;
  lane: Lane;
  kind: UnitKind;
  kommunCode: string | null;
  postalCodePrefixes: readonly string[];
}

/** What an admission tells about where the patient's receivers are. */
export interface StayAddress {
  wardUnitId: string;
  listedVardcentralUnitId?: string;
  /** Folkbokföringskommun (kommunkod). */
  kommunCode: string;
  /** Postnummer of the patient's address, five digits, when the admission gave it. */
  postalCode?: string;
}

type Receiver = 'kommunHemsjukvard' | 'kommunSocialtjanst' | 'kommunHemtjanst' | 'kommunKorttid';

/** The municipal receivers: which lane and kind of unit performs for each. */
const municipalReceivers: readonly {
  receiver: Receiver;
  performer: 'kommun-hemsjukvard' | 'kommun-socialtjanst' | 'kommun-hemtjanst' | 'kommun-korttid';
  lane: Lane;
  kind: UnitKind;
}[] = [
  {
    receiver: 'kommunHemsjukvard',
    performer: 'kommun-hemsjukvard',
    lane: 'kommunal_primarvard',
    kind: 'standard',
  },
  {
    receiver: 'kommunSocialtjanst',
    performer: 'kommun-socialtjanst',
    lane: 'kommunal_socialtjanst',
    kind: 'standard',
  },
  {
    receiver: 'kommunHemtjanst',
    performer: 'kommun-hemtjanst',
    lane: 'kommunal_socialtjanst',
    kind: 'hemtjanst',
  },
  {
    receiver: 'kommunKorttid',
    performer: 'kommun-korttid',
    lane: 'kommunal_socialtjanst',
    kind: 'korttid',
  },
];

/**
 * The units that receive a stay's tasks, from the units as data. A kommun's receiver of a
 * kind is its only unit of that kind, or, where it has several (Göteborg's NOSAM areas), the
 * one whose area holds the patient's postal code (longest prefix). A receiver that cannot be
 * resolved that way is not dropped: its tasks go to the kommun's intake unit for the lane, or
 * the region's (kommun code null) — the intake for kommuner we have no units for, e.g. a
 * patient folkbokförd in another county. A patient without a listed vårdcentral goes to the
 * region's primary care intake. Processägare: the kommun's, else the region's.
 */
export function resolveReceivingUnits(
  units: readonly RoutableUnit[],
  stay: StayAddress,
): StayUnits {
  const resolved: StayUnits = { ward: stay.wardUnitId };
  const intake: NonNullable<StayUnits['intake']> = {};
  const intakeFor = (lane: Lane): string | undefined =>
    (
      units.find(
        (u) => u.kind === 'intake' && u.lane === lane && u.kommunCode === stay.kommunCode,
      ) ?? units.find((u) => u.kind === 'intake' && u.lane === lane && u.kommunCode === null)
    )?.id;

  if (stay.listedVardcentralUnitId) resolved.listedVardcentral = stay.listedVardcentralUnitId;
  else {
    const regional = intakeFor('regional_primarvard');
    if (regional) intake['listed-vardcentral'] = regional;
  }

  for (const { receiver, performer, lane, kind } of municipalReceivers) {
    const candidates = units.filter(
      (u) => u.kommunCode === stay.kommunCode && u.lane === lane && u.kind === kind,
    );
    const unit = candidates.length === 1 ? candidates[0] : byArea(candidates, stay.postalCode);
    if (unit) resolved[receiver] = unit.id;
    else {
      const intakeUnit = intakeFor(lane);
      if (intakeUnit) intake[performer] = intakeUnit;
    }
  }

  const processagare =
    units.find((u) => u.kind === 'processagare' && u.kommunCode === stay.kommunCode) ??
    units.find((u) => u.kind === 'processagare' && u.kommunCode === null);
  if (processagare) resolved.processagare = processagare.id;

  if (Object.keys(intake).length > 0) resolved.intake = intake;
  const ward = units.find((u) => u.id === stay.wardUnitId);
  if (ward?.kommunCode && countyOf(ward.kommunCode) !== countyOf(stay.kommunCode))
    resolved.outOfCounty = true;
  return resolved;
}

/** The län of a kommun: the first two digits of its kommunkod (14 = Västra Götaland). */
export function countyOf(kommunCode: string): string {
  return kommunCode.slice(0, 2);
}

/** The one unit whose area holds the postal code (longest matching prefix), if exactly one. */
function byArea(
  candidates: readonly RoutableUnit[],
  postalCode: string | undefined,
): RoutableUnit | undefined {
  if (!postalCode || candidates.length === 0) return undefined;
  let best: RoutableUnit[] = [];
  let bestLength = 0;
  for (const unit of candidates) {
    const length = Math.max(
      0,
      ...unit.postalCodePrefixes.filter((p) => postalCode.startsWith(p)).map((p) => p.length),
    );
    if (length === 0) continue;
    if (length > bestLength) {
      best = [unit];
      bestLength = length;
    } else if (length === bestLength) best.push(unit);
  }
  return best.length === 1 ? best[0] : undefined;
}
