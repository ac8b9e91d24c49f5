import { tzOffset } from '@date-fns/tz';
import { swedishHolidays, type HolidayKind } from './swedish-holidays';

/**
 * Stockholm wall-clock arithmetic and Swedish working days.
 * Pure and deterministic (bundled into Temporal workflow code): no clock reads, no Node modules.
 */

export const STOCKHOLM = 'Europe/Stockholm';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface CalendarOptions {
  /**
   * Whether midsommarafton, julafton and nyårsafton (de-facto holidays) are non-working
   * days. Default true: most receiving units are closed then.
   */
  deFactoHolidaysAreNonWorking?: boolean;
}

/** A Stockholm wall-clock time, stored as if it were UTC (only the fields matter). */
type Wall = number;

function offsetMs(instant: number): number {
  return tzOffset(STOCKHOLM, new Date(instant)) * MINUTE_MS;
}

function toWall(instant: number): Wall {
  return instant + offsetMs(instant);
}

/**
 * The instant of a wall-clock time. In the repeated hour (autumn) the earlier instant;
 * in the skipped hour (spring) the first instant after the gap, so the mapping stays monotone.
 */
function fromWall(wall: Wall): number {
  const candidates = [wall - 2 * HOUR_MS, wall - HOUR_MS, wall].filter((c) => toWall(c) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  let low = wall - 3 * HOUR_MS;
  let high = wall;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (toWall(mid) >= wall) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The wall-clock time of an instant, made monotone: in the second pass of the repeated autumn
 * hour the wall clock shows 02:xx again, which would move deadlines backwards; we use 03:00.
 */
function monotoneWall(instant: number): Wall {
  const wall = toWall(instant);
  const earlier = toWall(instant - HOUR_MS);
  if (earlier > wall - HOUR_MS) return earlier + HOUR_MS - (earlier % HOUR_MS);
  return wall;
}

function startOfWallDay(wall: Wall): Wall {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

/** Stockholm calendar date of an instant as YYYY-MM-DD. */
export function stockholmDateKey(at: Date): string {
  return new Date(toWall(at.getTime())).toISOString().slice(0, 10);
}

/** The same Stockholm wall-clock time `days` calendar days later (DST-aware). */
export function addStockholmCalendarDays(at: Date, days: number): Date {
  return new Date(fromWall(monotoneWall(at.getTime()) + days * DAY_MS));
}

/** The last millisecond of the Stockholm calendar day of `at`. */
export function endOfStockholmDay(at: Date): Date {
  return new Date(fromWall(startOfWallDay(toWall(at.getTime())) + DAY_MS - 1));
}

const holidaysByYear = new Map<number, ReadonlyMap<string, HolidayKind>>();

function holidaysOf(year: number): ReadonlyMap<string, HolidayKind> {
  let days = holidaysByYear.get(year);
  if (!days) holidaysByYear.set(year, (days = swedishHolidays(year)));
  return days;
}

/** Whether a wall-clock day (YYYY-MM-DD) is a Swedish working day. */
export function isStockholmWorkingDay(dateKey: string, options: CalendarOptions = {}): boolean {
  const weekday = new Date(`${dateKey}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const kind = holidaysOf(Number(dateKey.slice(0, 4))).get(dateKey);
  if (kind === 'public') return false;
  if (kind === 'de-facto') return options.deFactoHolidaysAreNonWorking === false;
  return true;
}

function isWorkingWall(wall: Wall, options: CalendarOptions): boolean {
  return isStockholmWorkingDay(new Date(wall).toISOString().slice(0, 10), options);
}

function nextWorkingWallDay(dayStart: Wall, options: CalendarOptions): Wall {
  let day = dayStart + DAY_MS;
  while (!isWorkingWall(day, options)) day += DAY_MS;
  return day;
}

/**
 * `days` working days later, at the same Stockholm wall-clock time. A trigger on a non-working
 * day counts from the start of the next working day (so Saturday + 1 = end of Monday).
 */
export function addStockholmWorkingDays(
  at: Date,
  days: number,
  options: CalendarOptions = {},
): Date {
  let wall = monotoneWall(at.getTime());
  let day = startOfWallDay(wall);
  if (!isWorkingWall(day, options)) {
    day = nextWorkingWallDay(day, options);
    wall = day;
  }
  const timeOfDay = wall - day;
  for (let i = 0; i < days; i++) day = nextWorkingWallDay(day, options);
  return new Date(fromWall(day + timeOfDay));
}

/** End of the Stockholm day of `at` if it is a working day, else end of the next working day. */
export function endOfStockholmWorkingDay(at: Date, options: CalendarOptions = {}): Date {
  let day = startOfWallDay(toWall(at.getTime()));
  if (!isWorkingWall(day, options)) day = nextWorkingWallDay(day, options);
  return new Date(fromWall(day + DAY_MS - 1));
}
