import { decodeCursor, encodeCursor } from '@app/persistence';
import { AppError } from '@app/domain';

/** Every list answers pages of this many items. */
export const PAGE_SIZE = 50;

/** The parts of a cursor this API issued, or a 400 naming query.cursor. */
export function cursorParts(cursor: string, length: number): (string | null)[] {
  const parts = decodeCursor(cursor, length);
  if (!parts)
    throw AppError.invalidInput('The cursor is not valid', [
      { field: 'query.cursor', reason: 'must be a nextCursor value from a previous page' },
    ]);
  return parts;
}

/** A date out of a cursor part, or a 400. */
export function cursorDate(part: string | null | undefined): Date {
  const date = new Date(part ?? '');
  if (Number.isNaN(date.getTime()))
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
