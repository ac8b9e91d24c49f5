/** Dates as Swedish users read them, always in Europe/Stockholm whatever the browser's zone. */
export const timeZone = 'Europe/Stockholm';

const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone,
  dateStyle: 'short',
  timeStyle: 'short',
});
const dateOnly = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'medium' });

/** What the Swedish date and time fields accept (HTML pattern syntax, whole value). */
export const DATE_PATTERN = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
export const TIME_PATTERN = '([01]\\d|2[0-3]):[0-5]\\d';
export const MONTH_PATTERN = '\\d{4}-(0[1-9]|1[0-2])';

/** Whether a "2026-12-03T15:24" typed in the date and time fields is a real date and time. */
export function isLocalDateTime(value: string): boolean {
  const [date = '', time = ''] = value.split('T');
  return isCalendarDate(date) && new RegExp(`^${TIME_PATTERN}$`).test(time);
}

/** Whether "2026-02-30" is a date that exists (the pattern alone lets it through). */
export function isCalendarDate(value: string): boolean {
  if (!new RegExp(`^${DATE_PATTERN}$`).test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const formatDateTime = (iso: string | Date) => dateTime.format(new Date(iso));
export const formatDate = (iso: string | Date) => dateOnly.format(new Date(iso));

/** The Stockholm offset at an instant, in minutes east of UTC (60 in winter, 120 in summer). */
export function stockholmOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** "2026-11-23T09:30" typed in Stockholm time → "2026-11-23T09:30:00+01:00". */
export function stockholmLocalToIso(local: string): string {
  const [date, time = '00:00'] = local.split('T');
  const guess = new Date(`${date}T${time.slice(0, 5)}:00Z`);
  const offset = stockholmOffsetMinutes(new Date(guess.getTime() - 60 * 60_000));
  const sign = offset >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${date}T${time.slice(0, 5)}:00${sign}${hh}:${mm}`;
}

/** Now, in Stockholm time, as the date and time fields hold it ("2026-11-23T09:30"). */
export function stockholmLocalNow(now = new Date()): string {
  const shifted = new Date(now.getTime() + stockholmOffsetMinutes(now) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
