import { Prisma } from '../generated/prisma/client';

/**
 * Which stays a user may see, as the persistence layer understands it. The API derives it
 * from the signed-in user's role and units; every stay query here applies it in SQL, so a
 * list, a timeline and a task action all answer the same question the same way.
 */
export type StayScope =
  | { kind: 'all' }
  | {
      kind: 'units';
      /** Stays on these wards. */
      wardUnitIds: readonly string[];
      /** Stays of patients listed at these vårdcentraler. */
      vardcentralUnitIds: readonly string[];
      /** Stays of patients folkbokförda here that have a municipal need (socialtjänst or kommunal HSL). */
      municipalKommunCodes: readonly string[];
      /**
       * Stays with a live (open or claimed) task at one of these units, e.g. one reassigned
       * to it: a done or cancelled task grants nothing more.
       */
      taskUnitIds: readonly string[];
    };

/**
 * A stay's municipal need is the latest recorded value of `socialtjanst` and of
 * `kommunalHalsoOchSjukvard` in its needs-assessed / needs-changed events (in the order the
 * workflow applied them); the stay has one when either is true.
 */
const municipalNeed = (stay: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM (
    SELECT DISTINCT ON (k.need) (e.data ->> k.need)::boolean AS value
    FROM stay_event e
    CROSS JOIN (VALUES ('socialtjanst'), ('kommunalHalsoOchSjukvard')) AS k(need)
    WHERE e.stay_id = ${stay} AND e.type IN ('needs-assessed', 'needs-changed')
      AND e.data -> k.need IS NOT NULL
    ORDER BY k.need, e.recorded_at DESC, e.occurred_at DESC, e.id DESC
  ) latest WHERE latest.value)`;

/** SQL condition: the stay aliased `s` is within the scope. */
export function visibleStay(scope: StayScope): Prisma.Sql {
  if (scope.kind === 'all') return Prisma.sql`TRUE`;
  return Prisma.sql`(
    s.ward_unit_id = ANY(${[...scope.wardUnitIds]}::text[])
    OR s.listed_vardcentral_unit_id = ANY(${[...scope.vardcentralUnitIds]}::text[])
    OR (s.kommun_code::text = ANY(${[...scope.municipalKommunCodes]}::text[])
        AND ${municipalNeed(Prisma.sql`s.id`)})
    OR EXISTS (SELECT 1 FROM task t WHERE t.stay_id = s.id
               AND t.unit_id = ANY(${[...scope.taskUnitIds]}::text[])
               AND t.status IN ('open', 'claimed')))`;
}

/** Opaque keyset cursors: base64url of a small JSON array. */
export function encodeCursor(parts: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The cursor's parts, or undefined when it is not one this API issued. */
export function decodeCursor(cursor: string, length: number): (string | null)[] | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === length &&
      parts.every((p) => p === null || typeof p === 'string')
    )
      return parts as (string | null)[];
  } catch {
    // not JSON: fall through
  }
  return undefined;
}
