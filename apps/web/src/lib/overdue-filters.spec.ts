import { overdueQuery, readOverdueFilters } from './overdue-filters';

describe('the overdue list filters in the URL', () => {
  it('reads every filter, and turns a page into the API offset', () => {
    const filters = readOverdueFilters(
      new URLSearchParams(
        'kommun=1480&unit=kst-goteborg-bistand&activity=send-sip-kallelse&minHours=72&sort=unit&page=3',
      ),
    );
    expect(overdueQuery(filters).toString()).toBe(
      'kommun=1480&unit=kst-goteborg-bistand&activity=send-sip-kallelse&minHoursOverdue=72&sort=unit&limit=25&offset=50',
    );
  });

  it('reads a malformed URL as no filter, the most overdue first, page 1', () => {
    const filters = readOverdueFilters(
      new URLSearchParams('kommun=Göteborg&unit=%20&minHours=-1&sort=newest&page=0'),
    );
    expect(filters).toEqual({
      kommun: '',
      unit: '',
      activity: '',
      minHours: '',
      sort: 'most-overdue',
      page: 1,
    });
    expect(overdueQuery(filters).toString()).toBe('sort=most-overdue&limit=25&offset=0');
  });
});
