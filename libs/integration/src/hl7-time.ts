import { TZDate } from '@date-fns/tz';
import { STOCKHOLM } from '@app/process-definition';

const TS = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/;

/**
 * An HL7 v2 TS/DTM (YYYYMMDDHHMM[SS[.S…]][±ZZZZ]) as an instant. Minutes are required: a
 * deadline cannot be computed from a date alone. Without an offset the time is Swedish wall
 * time (Europe/Stockholm), as the hospitals' systems send it. Undefined when it is not a time.
 */
export function parseHl7Time(value: string): Date | undefined {
  const match = TS.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '0', offset] = match;
  const parts = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = parts;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const realDate = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day; // not 20260231
  if (month < 1 || month > 12 || !realDate || hour > 23 || minute > 59 || second > 59)
    return undefined;
  if (!offset)
    return new Date(
      new TZDate(year, month - 1, day, hour, minute, second, ms, STOCKHOLM).getTime(),
    );
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMinutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  return new Date(
    Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000,
  );
}
