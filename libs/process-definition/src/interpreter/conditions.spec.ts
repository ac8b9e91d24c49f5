import type { Condition } from '../model';
import { conditionHolds, type StayFacts } from './conditions';
import { applyEventToFacts, initialStayFacts, recordOutcome } from './facts';

const facts: StayFacts = {
  needs: { socialtjanst: true, regionalPrimarvard: false, egenvard: true },
  careType: 'somatic',
  flags: { lpt: true, cognitiveImpairment: false },
  outcomes: { 'offer-sip': 'accepted' },
  dischargeDestination: 'home',
};
const bare: StayFacts = { needs: {}, careType: 'psykiatri' };
const yes: Condition = { kind: 'always' };
const no: Condition = { kind: 'not', condition: yes };

describe('conditionHolds', () => {
  it.each<[string, Condition, StayFacts, boolean]>([
    ['always', yes, bare, true],
    ['need set', { kind: 'need', need: 'socialtjanst' }, facts, true],
    ['need false', { kind: 'need', need: 'regionalPrimarvard' }, facts, false],
    ['need missing', { kind: 'need', need: 'korttid' }, facts, false],
    ['flag set', { kind: 'flag', flag: 'lpt' }, facts, true],
    ['flag false', { kind: 'flag', flag: 'cognitiveImpairment' }, facts, false],
    ['flag without flags', { kind: 'flag', flag: 'lpt' }, bare, false],
    ['care type matches', { kind: 'care-type', careTypes: ['psykiatri'] }, bare, true],
    ['care type differs', { kind: 'care-type', careTypes: ['psykiatri'] }, facts, false],
    [
      'outcome recorded',
      { kind: 'outcome', activity: 'offer-sip', outcomes: ['accepted', 'x'] },
      facts,
      true,
    ],
    [
      'other outcome recorded',
      { kind: 'outcome', activity: 'offer-sip', outcomes: ['declined'] },
      facts,
      false,
    ],
    [
      'no outcome yet',
      { kind: 'outcome', activity: 'offer-sip', outcomes: ['accepted'] },
      bare,
      false,
    ],
    [
      'destination matches',
      { kind: 'discharge-destination', destinations: ['home', 'korttid'] },
      facts,
      true,
    ],
    [
      'destination differs',
      { kind: 'discharge-destination', destinations: ['korttid'] },
      facts,
      false,
    ],
    ['not yet discharged', { kind: 'discharge-destination', destinations: ['home'] }, bare, false],
    ['all true', { kind: 'all', of: [yes, yes] }, bare, true],
    ['all with one false', { kind: 'all', of: [yes, no] }, bare, false],
    ['any with one true', { kind: 'any', of: [no, yes] }, bare, true],
    ['any all false', { kind: 'any', of: [no, no] }, bare, false],
    ['not true', { kind: 'not', condition: yes }, bare, false],
    ['not false', { kind: 'not', condition: no }, bare, true],
  ])('%s', (_name, condition, f, expected) => {
    expect(conditionHolds(condition, f)).toBe(expected);
  });
});

describe('stay facts', () => {
  it('takes needs and flags from needs-assessed and merges needs-changed', () => {
    let f = applyEventToFacts(initialStayFacts(), {
      type: 'needs-assessed',
      data: { socialtjanst: true, korttid: false, lpt: true, unknown: true },
    });
    expect(f.needs).toEqual({ socialtjanst: true, korttid: false });
    expect(f.flags).toEqual({ lpt: true });
    f = applyEventToFacts(f, { type: 'needs-changed', data: { korttid: true } });
    expect(f.needs).toEqual({ socialtjanst: true, korttid: true });
  });

  it('follows utskrivningsklar, revocation and discharge', () => {
    let f = applyEventToFacts(initialStayFacts(), { type: 'utskrivningsklar' });
    expect(f.flags?.utskrivningsklar).toBe(true);
    f = applyEventToFacts(f, { type: 'utskrivningsklar-revoked' });
    expect(f.flags?.utskrivningsklar).toBe(false);
    f = applyEventToFacts(f, { type: 'discharged', data: { destination: 'korttid' } });
    expect(f).toMatchObject({ dischargeDestination: 'korttid', flags: { discharged: true } });
  });

  it('records outcomes', () => {
    expect(recordOutcome(initialStayFacts(), 'offer-sip', 'declined').outcomes).toEqual({
      'offer-sip': 'declined',
    });
    expect(recordOutcome(bare, 'offer-sip')).toBe(bare);
  });
});
