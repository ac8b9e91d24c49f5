import { freezesAt, isFrozen } from './freeze';
import { monthBounds, swedishDate } from './calendar';
import { nationalBillableDays, ukCalendarDays, ukRuns, type UkEvent } from './uk-days';
import { dailyAmountFor, defaultDailyAmounts, parseDailyAmounts } from './rules';

const at = (iso: string) => new Date(iso);
const ev = (type: string, iso: string): UkEvent => ({ type, occurredAt: at(iso) });

describe('UK days', () => {
  it.each([
    [
      'zero-day case (UK and discharge the same day)',
      [ev('utskrivningsklar', '2025-03-10T08:00:00Z'), ev('discharged', '2025-03-10T15:00:00Z')],
      0,
    ],
    [
      'three days',
      [ev('utskrivningsklar', '2025-03-10T08:00:00Z'), ev('discharged', '2025-03-13T09:00:00Z')],
      3,
    ],
    [
      'calendar days, not 24-hour periods',
      [ev('utskrivningsklar', '2025-03-10T21:00:00Z'), ev('discharged', '2025-03-11T07:00:00Z')],
      1,
    ],
    [
      'Swedish dates (23:30 UTC is the next day in Stockholm)',
      [ev('utskrivningsklar', '2025-03-10T23:30:00Z'), ev('discharged', '2025-03-11T10:00:00Z')],
      0,
    ],
    [
      'revoked UK pauses the count',
      [
        ev('utskrivningsklar', '2025-03-02T08:00:00Z'),
        ev('utskrivningsklar-revoked', '2025-03-04T08:00:00Z'),
        ev('utskrivningsklar', '2025-03-06T08:00:00Z'),
        ev('discharged', '2025-03-12T08:00:00Z'),
      ],
      8,
    ],
    [
      'death ends the count',
      [
        ev('utskrivningsklar', '2025-03-02T08:00:00Z'),
        ev('died', '2025-03-04T08:00:00Z'),
        ev('utskrivningsklar', '2025-03-05T08:00:00Z'),
      ],
      2,
    ],
    [
      'transfer ends the count',
      [ev('utskrivningsklar', '2025-03-02T08:00:00Z'), ev('transferred', '2025-03-03T08:00:00Z')],
      1,
    ],
    [
      'a repeated utskrivningsklar does not restart the clock',
      [
        ev('utskrivningsklar', '2025-03-02T08:00:00Z'),
        ev('utskrivningsklar', '2025-03-03T08:00:00Z'),
        ev('discharged', '2025-03-05T08:00:00Z'),
      ],
      3,
    ],
    ['no UK, no days', [ev('discharged', '2025-03-05T08:00:00Z')], 0],
    [
      'across a month boundary',
      [ev('utskrivningsklar', '2025-02-27T08:00:00Z'), ev('discharged', '2025-03-02T08:00:00Z')],
      3,
    ],
  ])('%s', (_name, events, days) => {
    const { runs } = ukRuns(events);
    expect(ukCalendarDays(runs, at('2030-01-01T00:00:00Z'))).toBe(days);
  });

  it('counts a running UK up to asOf and reports the end', () => {
    const { runs, end } = ukRuns([ev('utskrivningsklar', '2025-03-02T08:00:00Z')]);
    expect(end).toBeNull();
    expect(ukCalendarDays(runs, at('2025-03-07T12:00:00Z'))).toBe(5);
    expect(ukRuns([ev('died', '2025-03-02T08:00:00Z')]).end).toEqual({
      type: 'died',
      at: at('2025-03-02T08:00:00Z'),
    });
  });

  it.each([
    [
      'notice on UK day, discharged 5 days later: days 3 and 4',
      '2025-03-10T09:00:00Z',
      '2025-03-15T09:00:00Z',
      '2025-03-10T10:00:00Z',
      2,
    ],
    [
      'discharged on the third day: nothing',
      '2025-03-10T09:00:00Z',
      '2025-03-13T09:00:00Z',
      '2025-03-10T10:00:00Z',
      0,
    ],
    [
      'late notice moves the start',
      '2025-03-10T09:00:00Z',
      '2025-03-20T09:00:00Z',
      '2025-03-12T10:00:00Z',
      5,
    ],
  ])('national default: %s', (_name, uk, discharge, notice, days) => {
    const { runs } = ukRuns([ev('utskrivningsklar', uk), ev('discharged', discharge)]);
    expect(nationalBillableDays(runs, at(notice), at(discharge))).toBe(days);
  });
});

describe('calendar, freeze and daily amounts', () => {
  it('months and freezes are Swedish', () => {
    expect(swedishDate(at('2025-03-31T22:30:00Z'))).toBe('2025-04-01');
    expect(monthBounds('2025-03')).toEqual({
      start: at('2025-02-28T23:00:00Z'),
      end: at('2025-03-31T22:00:00Z'),
    });
    expect(freezesAt('2025-03')).toEqual(at('2025-04-12T22:00:00Z'));
    expect(freezesAt('2025-12')).toEqual(at('2026-01-12T23:00:00Z'));
    expect(isFrozen('2025-03', at('2025-04-12T21:59:59Z'))).toBe(false);
    expect(isFrozen('2025-03', at('2025-04-12T22:00:00Z'))).toBe(true);
  });

  it.each([
    [2019, 7800, 2019, 'Belopp fastställt för 2019'],
    [2021, 7800, 2019, 'Inget belopp fastställt för 2021; senast kända belopp (från 2019) används'],
    [2022, 9300, 2022, 'Belopp fastställt för 2022'],
    [2026, 9300, 2022, 'Inget belopp fastställt för 2026; senast kända belopp (från 2022) används'],
  ])('daily amount for %i', (year, amountSek, setForYear, note) => {
    expect(dailyAmountFor(year, defaultDailyAmounts)).toEqual({
      year,
      amountSek,
      setForYear,
      note,
    });
  });

  it('has no amount before the first one and parses the setting', () => {
    expect(dailyAmountFor(2018, defaultDailyAmounts)).toBeUndefined();
    expect(parseDailyAmounts('2019:7800,2022:9300')).toEqual(defaultDailyAmounts);
  });
});
