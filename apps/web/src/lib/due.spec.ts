import i18next from 'i18next';
import { sv } from '../locales/sv';
import { dueKey, dueParts, dueTone } from './due';

const now = new Date('2026-11-23T10:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
const h = 3_600_000;

describe('relative due time', () => {
  const i18n = i18next.createInstance();
  beforeAll(() => i18n.init({ lng: 'sv', resources: { sv: { translation: sv } } }));
  const text = (d: Date) => {
    const { key, count } = dueKey(dueParts(d, now));
    return i18n.t(key, { count });
  };

  it('says how long until a task is due in Swedish', () => {
    expect(text(at(3 * h))).toBe('om 3 h');
    expect(text(at(20 * 60_000))).toBe('om 20 min');
    expect(text(at(5 * 24 * h))).toBe('om 5 dagar');
  });

  it('says how long ago it fell due', () => {
    expect(text(at(-2 * 24 * h))).toBe('2 dagar sen');
    expect(text(at(-1 * h))).toBe('1 h sen');
    expect(text(at(-30 * 60_000))).toBe('30 min sen');
  });

  it('uses singular for one day and never says zero minutes', () => {
    expect(dueParts(at(-50 * h), now)).toEqual({ direction: 'past', unit: 'day', count: 2 });
    expect(text(at(10_000))).toBe('om 1 min');
  });

  it('picks a tone that the text repeats', () => {
    expect(dueTone(at(-1), now)).toBe('overdue');
    expect(dueTone(at(2 * h), now, true)).toBe('overdue');
    expect(dueTone(at(2 * h), now)).toBe('soon');
    expect(dueTone(at(30 * h), now)).toBe('later');
    expect(dueTone(null, now)).toBe('none');
  });
});
