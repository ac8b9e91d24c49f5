import { TZDate } from '@date-fns/tz';

/** Calendar days, months and freezes are those of Sweden, whatever the server's time zone. */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SWEDISH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Swedish calendar date of an instant, YYYY-MM-DD. */
export function swedishDate(at: Date): string {
  return dateFormat.format(at);
}

/** The Swedish calendar month of an instant, YYYY-MM. */
export function swedishMonth(at: Date): string {
  return swedishDate(at).slice(0, 7);
}

const utcDay = (date: string) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

/** Whole calendar days from date `a` to date `b` (YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcDay(b) - utcDay(a)) / 86_400_000);
}

/** The date `days` calendar days after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first instant of a Swedish calendar date. */
export function startOfSwedishDate(date: string): Date {
  return new Date(
    new TZDate(
      +date.slice(0, 4),
      +date.slice(5, 7) - 1,
      +date.slice(8, 10),
      SWEDISH_TIME_ZONE,
    ).getTime(),
  );
}

/** The instants a month (YYYY-MM) covers in Sweden: [start, end). */
export function monthBounds(month: string): { start: Date; end: Date } {
  const year = +month.slice(0, 4);
  const index = +month.slice(5, 7) - 1;
  const next = index === 11 ? `${year + 1}-01` : `${year}-${String(index + 2).padStart(2, '0')}`;
  return { start: startOfSwedishDate(`${month}-01`), end: startOfSwedishDate(`${next}-01`) };
}
