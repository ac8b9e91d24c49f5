import { monthBounds, startOfSwedishDate } from './calendar';

/**
 * A month's figures freeze after the 12th of the following month (Swedish time): corrections
 * are taken until then, and refused from the 13th at 00:00.
 */
export function freezesAt(month: string): Date {
  const next = monthBounds(month).end;
  const nextMonth = new Date(next.getTime() + 12 * 3_600_000).toISOString().slice(0, 7);
  return startOfSwedishDate(`${nextMonth}-13`);
}

export const isFrozen = (month: string, now: Date) => now.getTime() >= freezesAt(month).getTime();
