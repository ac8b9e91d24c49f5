import { findActivity } from '../interpreter/applicable';
import { computeDueAt } from '../interpreter/deadlines';
import { processDefinitionV1 as v1 } from './v1';
import { defined } from '../test-helpers';

describe('process definition v1', () => {
  it('keeps the inskrivningsmeddelande contract the workflow relies on', () => {
    const a = defined(findActivity(v1, 'send-inskrivningsmeddelande'));
    expect(a).toMatchObject({
      trigger: { kind: 'event', event: 'needs-assessed' },
      deadline: { kind: 'duration', amount: 24, unit: 'hours' },
      lane: 'slutenvard',
      performerUnit: 'ward',
      condition: {
        kind: 'any',
        of: [
          { kind: 'need', need: 'socialtjanst' },
          { kind: 'need', need: 'kommunalHalsoOchSjukvard' },
          { kind: 'need', need: 'regionalPrimarvard' },
        ],
      },
    });
    const occurredAt = new Date('2026-03-28T10:00:00Z');
    expect(computeDueAt(a.deadline, occurredAt)?.toISOString()).toBe('2026-03-29T10:00:00.000Z');
  });

  it('declares every event type the API accepts', () => {
    const types = v1.eventTypes.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'admitted',
        'needs-assessed',
        'planned-discharge-date-set',
        'utskrivningsklar',
        'utskrivningsklar-revoked',
        'discharged',
        'died',
        'transferred',
      ]),
    );
  });

  it('covers every phase and lane', () => {
    const phases = new Set(v1.activities.map((a) => a.phase));
    const lanes = new Set(v1.activities.map((a) => a.lane));
    expect(phases.size).toBe(5);
    expect(lanes.size).toBe(5);
    expect(v1.activities.length).toBeGreaterThanOrEqual(60);
  });

  it('sends the SIP kallelse within 3 calendar days of UK, configurable', () => {
    expect(findActivity(v1, 'send-sip-kallelse')?.deadline).toEqual({
      kind: 'duration',
      amount: 3,
      unit: 'calendar-days',
      configKey: 'sip-kallelse',
    });
  });
});
