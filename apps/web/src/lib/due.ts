/**
 * When a task is due, relative to now, as the queue shows it: "om 3 h", "2 dagar sen".
 * Pure: the caller passes now. The tone is shown with colour AND text, never colour alone.
 */
export type DueTone = 'overdue' | 'soon' | 'later' | 'none';

export interface DueParts {
  direction: 'future' | 'past';
  unit: 'minute' | 'hour' | 'day';
  count: number;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export function dueParts(dueAt: Date, now: Date): DueParts {
  const diff = dueAt.getTime() - now.getTime();
  const direction = diff >= 0 ? 'future' : 'past';
  const abs = Math.abs(diff);
  if (abs < hour)
    return { direction, unit: 'minute', count: Math.max(1, Math.round(abs / minute)) };
  if (abs < 2 * day) return { direction, unit: 'hour', count: Math.round(abs / hour) };
  return { direction, unit: 'day', count: Math.round(abs / day) };
}

/** Overdue when the API says so or the time has passed; "soon" within 8 hours. */
export function dueTone(dueAt: Date | null, now: Date, overdue = false): DueTone {
  if (!dueAt) return 'none';
  const diff = dueAt.getTime() - now.getTime();
  if (overdue || diff < 0) return 'overdue';
  return diff <= 8 * hour ? 'soon' : 'later';
}

/** The i18n key and count for the parts: due.future.hour → "om {{count}} h". */
export function dueKey(parts: DueParts): { key: string; count: number } {
  return { key: `due.${parts.direction}.${parts.unit}`, count: parts.count };
}
