import { readTaskFilters, taskQuery, writeTaskFilters } from './filters';

const units = ['ks-goteborg-bistand', 'ks-molndal-bistand'];

describe('task queue filters in the URL', () => {
  it('reads unit and view, falling back to the first unit and open tasks', () => {
    expect(readTaskFilters(new URLSearchParams(''), units)).toEqual({
      unit: 'ks-goteborg-bistand',
      view: 'open',
    });
    expect(
      readTaskFilters(new URLSearchParams('unit=ks-molndal-bistand&view=overdue'), units),
    ).toEqual({ unit: 'ks-molndal-bistand', view: 'overdue' });
  });

  it('ignores a unit the user does not have and an unknown view', () => {
    expect(readTaskFilters(new URLSearchParams('unit=other&view=bogus'), units)).toEqual({
      unit: 'ks-goteborg-bistand',
      view: 'open',
    });
    expect(readTaskFilters(new URLSearchParams('view=done'), [])).toEqual({
      unit: null,
      view: 'done',
    });
  });

  it('round-trips through the URL and leaves the default view out', () => {
    const filters = { unit: 'ks-molndal-bistand', view: 'claimed' as const };
    const written = writeTaskFilters(filters);
    expect(written.toString()).toBe('unit=ks-molndal-bistand&view=claimed');
    expect(readTaskFilters(written, units)).toEqual(filters);
    expect(writeTaskFilters({ unit: null, view: 'open' }).toString()).toBe('');
  });

  it('turns the view into the API query', () => {
    expect(taskQuery({ unit: 'u-1', view: 'overdue' }).toString()).toBe('unit=u-1&overdue=true');
    expect(taskQuery({ unit: 'u-1', view: 'claimed' }).toString()).toBe('unit=u-1&status=claimed');
  });
});
