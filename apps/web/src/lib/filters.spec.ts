import { readTaskFilters, taskQuery, writeTaskFilters } from './filters';

const units = ['ks-goteborg-bistand', 'ks-molndal-bistand'];

describe('task queue filters in the URL', () => {
  it('reads unit and view, falling back to the first unit and open tasks', () => {
    expect(readTaskFilters(new URLSearchParams(''), units)).toEqual({
      unit: 'ks-goteborg-bistand',
      view: 'open',
      due: 'any',
    });
    expect(
      readTaskFilters(new URLSearchParams('unit=ks-molndal-bistand&view=overdue&due=today'), units),
    ).toEqual({ unit: 'ks-molndal-bistand', view: 'overdue', due: 'today' });
  });

  it('ignores a unit the user does not have and an unknown view', () => {
    expect(readTaskFilters(new URLSearchParams('unit=other&view=bogus&due=x'), units)).toEqual({
      unit: 'ks-goteborg-bistand',
      view: 'open',
      due: 'any',
    });
    expect(readTaskFilters(new URLSearchParams('view=done'), [])).toEqual({
      unit: null,
      view: 'done',
      due: 'any',
    });
  });

  it('round-trips through the URL and leaves the default view out', () => {
    const filters = { unit: 'ks-molndal-bistand', view: 'claimed' as const, due: '3d' as const };
    const written = writeTaskFilters(filters);
    expect(written.toString()).toBe('unit=ks-molndal-bistand&view=claimed&due=3d');
    expect(readTaskFilters(written, units)).toEqual(filters);
    expect(writeTaskFilters({ unit: null, view: 'open', due: 'any' }).toString()).toBe('');
  });

  it('turns the view into the API query', () => {
    expect(taskQuery({ unit: 'u-1', view: 'overdue', due: 'any' }).toString()).toBe(
      'unit=u-1&overdue=true',
    );
    expect(taskQuery({ unit: 'u-1', view: 'claimed', due: 'any' }).toString()).toBe(
      'unit=u-1&status=claimed',
    );
  });

  it('asks for what is due before midnight in Stockholm, or within three days', () => {
    // 23:30 in Stockholm on 3 December (winter, +01:00) is 22:30 UTC.
    const late = new Date('2026-12-03T22:30:00Z');
    expect(taskQuery({ unit: null, view: 'open', due: 'today' }, late).get('dueBefore')).toBe(
      '2026-12-04T00:00:00+01:00',
    );
    expect(taskQuery({ unit: null, view: 'open', due: '3d' }, late).get('dueBefore')).toBe(
      '2026-12-06T22:30:00.000Z',
    );
  });
});
