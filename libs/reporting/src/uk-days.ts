import { addDays, daysBetween, swedishDate } from './calendar';

/** The events that move a stay's UK clock, in the order the workflow applied them. */
export interface UkEvent {
  type: string;
  occurredAt: Date;
}

/** One stretch of UK time; `end` null while it still runs. */
export interface UkRun {
  start: Date;
  end: Date | null;
}

export type StayEnd = 'discharged' | 'died' | 'transferred';

const isStayEnd = (type: string): type is StayEnd =>
  type === 'discharged' || type === 'died' || type === 'transferred';

/**
 * The UK runs of a stay, replayed with the workflow's own rules (libs/workflows counters):
 * utskrivningsklar starts a run unless one runs or the stay ended, a revocation pauses it
 * (a later utskrivningsklar starts a new run), and discharge, death or transfer ends it for
 * good. A run never ends before it started (a late-registered earlier end gives zero time).
 */
export function ukRuns(events: readonly UkEvent[]): {
  runs: UkRun[];
  end: { type: StayEnd; at: Date } | null;
} {
  const runs: UkRun[] = [];
  let running: Date | null = null;
  let end: { type: StayEnd; at: Date } | null = null;
  const stop = (at: Date) => {
    if (!running) return;
    runs.push({ start: running, end: at.getTime() < running.getTime() ? running : at });
    running = null;
  };
  for (const event of events) {
    if (end) break;
    if (event.type === 'utskrivningsklar') running ??= event.occurredAt;
    else if (event.type === 'utskrivningsklar-revoked') stop(event.occurredAt);
    else if (isStayEnd(event.type)) {
      stop(event.occurredAt);
      end = { type: event.type, at: event.occurredAt };
    }
  }
  if (running) runs.push({ start: running, end: null });
  return { runs, end };
}

/**
 * Utskrivningsklara dagar: per run the calendar days (Swedish dates) from the day the patient
 * was judged utskrivningsklar to the day the run ended (or `asOf` while it runs), summed. UK
 * and discharge on the same day is a zero-day case and counts as 0; revoked time is not counted.
 */
export function ukCalendarDays(runs: readonly UkRun[], asOf: Date): number {
  return runs.reduce(
    (sum, run) =>
      sum + Math.max(0, daysBetween(swedishDate(run.start), swedishDate(run.end ?? asOf))),
    0,
  );
}

/**
 * The national default's billable days: the calendar days of UK time from the `daysAfterNotice`-th calendar
 * day after the UK notice was sent (that day included) up to the end of each run.
 */
export function nationalBillableDays(
  runs: readonly UkRun[],
  noticeSentAt: Date,
  asOf: Date,
  daysAfterNotice = 3,
): number {
  const firstDay = addDays(swedishDate(noticeSentAt), daysAfterNotice);
  return runs.reduce((sum, run) => {
    const start = swedishDate(run.start);
    const firstBillable = daysBetween(firstDay, start) >= 0 ? start : firstDay;
    return sum + Math.max(0, daysBetween(firstBillable, swedishDate(run.end ?? asOf)));
  }, 0);
}
