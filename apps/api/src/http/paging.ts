import { decodeCursor, encodeCursor } from '@app/persistence';
import { AppError } from '@app/domain';
import { isStorableText } from './parse';

/** Every list answers pages of this many items. */
export const PAGE_SIZE = 50;

/** The parts of a cursor this API issued, or a 400 naming query.cursor. */
export function cursorParts(cursor: string, length: number): (string | null)[] {
  const parts = decodeCursor(cursor, length);
  if (!parts || parts.some((part) => part !== null && !isStorableText(part)))
    throw AppError.invalidInput('The cursor is not valid', [
      { field: 'query.cursor', reason: 'must be a nextCursor value from a previous page' },
    ]);
  return parts;
}

/** Instants PostgreSQL's timestamptz holds and prints as ISO 8601 (year 0000 it refuses). */
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** A date out of a cursor part, or a 400. */
export function cursorDate(part: string | null | undefined): Date {
  const date = new Date(part ?? '');
  if (Number.isNaN(date.getTime()) || date.getTime() < EARLIEST || date.getTime() > LATEST)
    throw AppError.invalidInput('The cursor is not valid', [
      { field: 'query.cursor', reason: 'must be a nextCursor value from a previous page' },
    ]);
  return date;
}

/** Splits a page fetched with one extra row into its items and the next cursor. */
export function pageOf<T>(
  rows: readonly T[],
  cursorOf: (last: T) => (string | null)[],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, PAGE_SIZE);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(cursorOf(last)) : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid out of a cursor part, or a 400. */
export function cursorUuid(part: string | null | undefined): string {
  if (!part || !UUID.test(part))
    throw AppError.invalidInput('The cursor is not valid', [
      { field: 'query.cursor', reason: 'must be a nextCursor value from a previous page' },
    ]);
  return part;
}
