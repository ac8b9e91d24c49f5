import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays } from 'date-fns';

interface EventRow {
  type: string;
  occurredAt: Date;
}

const ENDING = new Set(['discharged', 'died', 'transferred']);

/**
 * Utskrivningsklara dagar from the stay's events: calendar days (Swedish time) from each
 * utskrivningsklar to its revocation or the end of the stay (or now), zero-day cases included.
 */
export function utskrivningsklarDays(events: readonly EventRow[], now: Date = new Date()): number {
  let since: Date | undefined;
  let days = 0;
  const close = (end: Date) => {
    if (!since) return;
    days += Math.max(
      0,
      differenceInCalendarDays(
        new TZDate(end, 'Europe/Stockholm'),
        new TZDate(since, 'Europe/Stockholm'),
      ),
    );
    since = undefined;
  };
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const event of ordered) {
    if (event.type === 'utskrivningsklar') since ??= event.occurredAt;
    else if (event.type === 'utskrivningsklar-revoked' || ENDING.has(event.type))
      close(event.occurredAt);
  }
  close(now);
  return days;
}

/** Counter columns of the stay row, when the workflow's projection has them. */
const COUNTER_COLUMNS = [
  'ukFirstAt',
  'ukRunningSince',
  'ukAccumulatedSeconds',
  'ukEndedAt',
  'sevenDayFlag',
  'plannedDischargeDate',
  'plannedDischargeDateMoves',
  'readmissionOfStayId',
  'readmittedWithin30Days',
] as const;

/**
 * The stay's counters: what the workflow projected onto the stay row (its columns and its
 * `counters` document), over what can be computed from the events.
 */
export function stayCounters(
  stay: object,
  events: readonly EventRow[],
  now: Date = new Date(),
): Record<string, unknown> & {
  plannedDischargeDateMoves: number;
  utskrivningsklarDays: number;
} {
  const row = stay as Record<string, unknown>;
  const projected =
    typeof row.counters === 'object' && row.counters !== null && !Array.isArray(row.counters)
      ? (row.counters as Record<string, unknown>)
      : {};
  const columns: Record<string, unknown> = {};
  for (const column of COUNTER_COLUMNS)
    if (column in row) {
      const value = row[column];
      columns[column] =
        value instanceof Date
          ? column === 'plannedDischargeDate'
            ? value.toISOString().slice(0, 10)
            : value.toISOString()
          : value;
    }
  const computedMoves = events.filter((e) => e.type === 'planned-discharge-date-changed').length;
  const moves = columns.plannedDischargeDateMoves ?? projected.plannedDischargeDateMoves;
  return {
    ...projected,
    ...columns,
    plannedDischargeDateMoves:
      typeof moves === 'number' ? Math.max(moves, computedMoves) : computedMoves,
    utskrivningsklarDays: utskrivningsklarDays(events, now),
  };
}
