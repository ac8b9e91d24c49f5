import { formatDateTime, stockholmLocalNow, stockholmLocalToIso } from './time';

describe('Stockholm time', () => {
  it('formats instants in Europe/Stockholm, not the machine zone', () => {
    expect(formatDateTime('2026-11-23T08:00:00Z')).toBe('2026-11-23 09:00');
    expect(formatDateTime('2026-07-01T08:00:00Z')).toBe('2026-07-01 10:00');
  });

  it('turns a typed local time into an instant with the right offset', () => {
    expect(stockholmLocalToIso('2026-11-23T09:30')).toBe('2026-11-23T09:30:00+01:00');
    expect(stockholmLocalToIso('2026-07-01T09:30')).toBe('2026-07-01T09:30:00+02:00');
  });

  it('gives now as a datetime-local value in Stockholm', () => {
    expect(stockholmLocalNow(new Date('2026-11-23T08:05:00Z'))).toBe('2026-11-23T09:05');
  });
});
