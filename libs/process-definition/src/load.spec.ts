import { processDefinitionV1 } from './definitions/v1';
import { loadProcessDefinitions, ProcessDefinitionError, validateProcessDefinition } from './load';
import type { ActivityDefinition, ProcessDefinition } from './model';
import { defined } from './test-helpers';

type Mutable = ProcessDefinition & { activities: ActivityDefinition[] };
const clone = (): Mutable => structuredClone(processDefinitionV1);
const activity = (d: Mutable, id: string) =>
  defined(
    d.activities.find((a) => a.id === id),
    id,
  );

function problemOf(mutate: (d: Mutable) => void) {
  const d = clone();
  mutate(d);
  try {
    validateProcessDefinition(d);
  } catch (error) {
    expect(error).toBeInstanceOf(ProcessDefinitionError);
    return error as ProcessDefinitionError;
  }
  throw new Error('expected the definition to be rejected');
}

describe('validateProcessDefinition', () => {
  it('accepts every released version', () => {
    expect(loadProcessDefinitions().get(1)?.activities).toHaveLength(
      processDefinitionV1.activities.length,
    );
  });

  it.each<[string, (d: Mutable) => void, string | undefined, string, RegExp]>([
    [
      'duplicate id',
      (d) => d.activities.push({ ...activity(d, 'offer-sip') }),
      'offer-sip',
      'id',
      /duplicate activity id/,
    ],
    [
      'unknown trigger event',
      (d) => (activity(d, 'check-existing-plans').trigger = { kind: 'event', event: 'nope' }),
      'check-existing-plans',
      'trigger.event',
      /unknown event type "nope"/,
    ],
    [
      'unknown trigger activity',
      (d) => (activity(d, 'offer-sip').trigger = { kind: 'activity-completed', activity: 'ghost' }),
      'offer-sip',
      'trigger.activity',
      /unknown activity "ghost"/,
    ],
    [
      'unknown trigger outcome',
      (d) =>
        (activity(d, 'offer-sip').trigger = {
          kind: 'activity-completed',
          activity: 'identify-sip-need',
          outcomes: ['maybe'],
        }),
      'offer-sip',
      'trigger.outcomes',
      /has no outcome "maybe"/,
    ],
    [
      'unknown outcome in any-of',
      (d) =>
        (activity(d, 'document-sip-declined').trigger = {
          kind: 'any-of',
          triggers: [
            { kind: 'event', event: 'admitted' },
            { kind: 'activity-completed', activity: 'offer-sip', outcomes: ['x'] },
          ],
        }),
      'document-sip-declined',
      'trigger.triggers.1.outcomes',
      /no outcome "x"/,
    ],
    [
      'unknown outcome in a condition',
      (d) =>
        (activity(d, 'hold-sip-before-discharge').condition = {
          kind: 'all',
          of: [{ kind: 'outcome', activity: 'decide-sip-timing', outcomes: ['never'] }],
        }),
      'hold-sip-before-discharge',
      'condition.of.0.outcomes',
      /no outcome "never"/,
    ],
    [
      'unknown before-event',
      (d) =>
        (activity(d, 'offer-sip').deadline = {
          kind: 'before-event',
          event: 'later',
          configKey: 'offer-sip',
        }),
      'offer-sip',
      'deadline.event',
      /unknown event type "later"/,
    ],
    [
      'unknown completedBy event',
      (d) => (activity(d, 'uk-day-count').completedBy = ['gone']),
      'uk-day-count',
      'completedBy.0',
      /unknown event type "gone"/,
    ],
    [
      'unknown cancelledBy event',
      (d) => (activity(d, 'uk-day-count').cancelledBy = ['gone']),
      'uk-day-count',
      'cancelledBy.0',
      /unknown event type "gone"/,
    ],
    [
      'deadline that does not parse',
      (d) => (activity(d, 'offer-sip').deadline = { kind: 'duration', amount: 1.5, unit: 'hours' }),
      'offer-sip',
      'deadline.amount',
      /int/i,
    ],
    [
      'unknown deadline unit',
      (d) =>
        Object.assign(activity(d, 'offer-sip').deadline, {
          kind: 'duration',
          amount: 2,
          unit: 'fortnights',
        }),
      'offer-sip',
      'deadline.unit',
      /.+/,
    ],
    [
      'configurable deadline without configKey',
      (d) =>
        (activity(d, 'check-existing-plans').deadline = {
          kind: 'duration',
          amount: 1,
          unit: 'hours',
        }),
      'check-existing-plans',
      'deadline.configKey',
      /configKey/,
    ],
    [
      'unit outside its lane',
      (d) => (activity(d, 'offer-sip').performerUnit = 'ward'),
      'offer-sip',
      'performerUnit',
      /does not belong to lane/,
    ],
    [
      'fan-out over a non-message',
      (d) =>
        (activity(d, 'acknowledge-inskrivningsmeddelande-vardcentral').fanOut = {
          kind: 'per-recipient',
          of: 'offer-sip',
        }),
      'acknowledge-inskrivningsmeddelande-vardcentral',
      'fanOut.of',
      /no recipient of unit/,
    ],
    [
      'fan-out over an unknown activity',
      (d) =>
        (activity(d, 'acknowledge-inskrivningsmeddelande-vardcentral').fanOut = {
          kind: 'per-recipient',
          of: 'ghost',
        }),
      'acknowledge-inskrivningsmeddelande-vardcentral',
      'fanOut.of',
      /unknown activity/,
    ],
    [
      'duplicate outcome id',
      (d) => activity(d, 'offer-sip').outcomes.push({ id: 'accepted', title: 'igen' }),
      'offer-sip',
      'outcomes.3.id',
      /duplicate outcome id/,
    ],
    ['missing title', (d) => (activity(d, 'offer-sip').title = ''), 'offer-sip', 'title', /.+/],
    [
      'unknown phase',
      (d) => Object.assign(activity(d, 'offer-sip'), { phase: 'later' }),
      'offer-sip',
      'phase',
      /.+/,
    ],
    [
      'trigger cycle',
      (d) =>
        (activity(d, 'identify-sip-need').trigger = {
          kind: 'activity-completed',
          activity: 'decide-sip-timing',
        }),
      undefined,
      'trigger',
      /trigger cycle: .*identify-sip-need.*decide-sip-timing|trigger cycle: .*decide-sip-timing.*identify-sip-need/,
    ],
  ])('%s', (_name, mutate, activityId, field, reason) => {
    const error = problemOf(mutate);
    const problem = error.problems.find((p) => p.field === field && reason.test(p.reason));
    expect(problem).toBeDefined();
    if (activityId) expect(problem?.activityId).toBe(activityId);
    expect(error.message).toContain('v1');
    expect(error.message).toContain(field);
    if (activityId) expect(error.message).toContain(`activity ${activityId}`);
  });

  it('reports activities no event can reach', () => {
    const error = problemOf((d) => {
      activity(d, 'offer-sip').trigger = { kind: 'activity-completed', activity: 'offer-sip' };
    });
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          activityId: 'offer-sip',
          field: 'trigger',
          reason: expect.stringMatching(/cycle/),
        }),
        expect.objectContaining({
          activityId: 'contact-relatives-about-sip',
          field: 'trigger',
          reason: 'not reachable from any event',
        }),
      ]),
    );
  });

  it('reports duplicate event types and a missing version', () => {
    const dup = problemOf((d) => d.eventTypes.push({ type: 'admitted', title: 'igen' }));
    expect(dup.problems[0]).toMatchObject({ field: 'eventTypes.16.type' });
    const error = problemOf((d) => Object.assign(d, { version: undefined }));
    expect(error.message).toMatch(/^Process definition is invalid: version/);
  });

  it('rejects something that is not a definition at all', () => {
    expect(() => validateProcessDefinition(null)).toThrow(ProcessDefinitionError);
  });
});
