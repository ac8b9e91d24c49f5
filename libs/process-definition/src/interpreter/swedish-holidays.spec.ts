import Holidays from 'date-holidays';
import { swedishHolidays, type HolidayKind } from './swedish-holidays';

/**
 * The computed Swedish holidays against date-holidays (the world-wide database the calendar
 * used before, kept as a development dependency for this check): the same days, of the same
 * kind, every year from 1950 to 2150, so no running stay's deadline moves.
 */
function fromDateHolidays(calendar: Holidays, year: number): Map<string, HolidayKind> {
  const days = new Map<string, HolidayKind>();
  for (const holiday of calendar.getHolidays(year)) {
    const key = holiday.date.slice(0, 10);
    if (holiday.type === 'public') days.set(key, 'public');
    else if (holiday.type === 'bank' && !days.has(key)) days.set(key, 'de-facto');
  }
  return days;
}

const sorted = (days: ReadonlyMap<string, HolidayKind>) =>
  [...days].sort(([a], [b]) => a.localeCompare(b));

describe('swedishHolidays', () => {
  const calendar = new Holidays('SE', { timezone: 'Europe/Stockholm' });

  it('names the same days as date-holidays, 1950–2150', () => {
    const differing: number[] = [];
    for (let year = 1950; year <= 2150; year++)
      if (
        JSON.stringify(sorted(swedishHolidays(year))) !==
        JSON.stringify(sorted(fromDateHolidays(calendar, year)))
      )
        differing.push(year);
    expect(differing).toEqual([]);
  });

  it('knows 2026 by name', () => {
    const days = swedishHolidays(2026);
    expect(days.get('2026-04-03')).toBe('public'); // långfredagen
    expect(days.get('2026-05-14')).toBe('public'); // Kristi himmelsfärds dag
    expect(days.get('2026-06-19')).toBe('de-facto'); // midsommarafton
    expect(days.get('2026-06-20')).toBe('public'); // midsommardagen
    expect(days.get('2026-10-31')).toBe('public'); // alla helgons dag
    expect(days.get('2026-12-24')).toBe('de-facto'); // julafton
    expect(days.has('2026-12-23')).toBe(false);
  });
});
