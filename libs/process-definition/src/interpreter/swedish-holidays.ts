import { easter } from 'date-easter';

/**
 * Swedish holidays of a year, by Stockholm date (YYYY-MM-DD): the public holidays of
 * lag (1989:253) om allmänna helgdagar, and the de-facto ones (midsommarafton, julafton,
 * nyårsafton) on which most units are closed. Computed, not looked up: this runs inside every
 * stay workflow, where a world-wide holiday database would be loaded again for each workflow.
 * calendar.spec.ts checks it day by day against date-holidays, which was used before.
 */
export type HolidayKind = 'public' | 'de-facto';

const DAY_MS = 86_400_000;

function key(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** The first given weekday (0 = Sunday) on or after month-day, as a UTC day. */
function weekdayOnOrAfter(year: number, month: number, day: number, weekday: number): number {
  const start = Date.UTC(year, month - 1, day);
  const offset = (weekday - new Date(start).getUTCDay() + 7) % 7;
  return start + offset * DAY_MS;
}

export function swedishHolidays(year: number): ReadonlyMap<string, HolidayKind> {
  const e = easter(year);
  const easterSunday = Date.UTC(year, e.month - 1, e.day);
  const fixed = (month: number, day: number) => Date.UTC(year, month - 1, day);
  const fromEaster = (days: number) => easterSunday + days * DAY_MS;
  const publicDays = [
    fixed(1, 1), // nyårsdagen
    fixed(1, 6), // trettondedag jul
    fromEaster(-2), // långfredagen
    easterSunday, // påskdagen
    fromEaster(1), // annandag påsk
    fixed(5, 1), // första maj
    fromEaster(39), // Kristi himmelsfärds dag
    fromEaster(49), // pingstdagen
    ...(year >= 2005 ? [fixed(6, 6)] : []), // Sveriges nationaldag, a holiday since 2005
    weekdayOnOrAfter(year, 6, 20, 6), // midsommardagen
    weekdayOnOrAfter(year, 10, 31, 6), // alla helgons dag
    fixed(12, 25), // juldagen
    fixed(12, 26), // annandag jul
  ];
  const deFactoDays = [
    weekdayOnOrAfter(year, 6, 19, 5), // midsommarafton
    fixed(12, 24), // julafton
    fixed(12, 31), // nyårsafton
  ];
  const days = new Map<string, HolidayKind>();
  for (const day of publicDays) days.set(key(day), 'public');
  for (const day of deFactoDays) if (!days.has(key(day))) days.set(key(day), 'de-facto');
  return days;
}
