import { findActivity } from '../interpreter/applicable';
import { conditionHolds } from '../interpreter/conditions';
import { computeDueAt } from '../interpreter/deadlines';
import { defined } from '../test-helpers';
import { processDefinitionV1 as v1 } from './v1';
import { processDefinitionV2 as v2 } from './v2';

describe('process definition v2: who receives the tasks (issue 14)', () => {
  // Rule 8: "start-home-care belongs to the hemtjänst provider and receive-at-korttid to the
  // korttid unit (korttidsboende), not the biståndshandläggare's inbox".
  it.each([
    ['start-home-care', 'kommun-hemtjanst', 'kommun-socialtjanst'],
    ['receive-at-korttid', 'kommun-korttid', 'kommun-socialtjanst'],
  ])('rule 8: %s is performed by %s (v1: %s)', (id, inV2, inV1) => {
    expect(defined(findActivity(v2, id)).performerUnit).toBe(inV2);
    expect(defined(findActivity(v1, id)).performerUnit).toBe(inV1);
  });

  // Rule 5: "the task still exists: it goes to an intake queue ... with a routing task
  // ('Välj mottagande enhet') and, if not routed in time, a deviation".
  it('rule 5: routing is on, by an intake-performed "Välj mottagande enhet" with a deadline', () => {
    expect(v2.settings.routing).toEqual({ activity: 'choose-receiving-unit' });
    expect(v1.settings.routing).toBeUndefined();
    const routing = defined(findActivity(v2, 'choose-receiving-unit'));
    expect(routing).toMatchObject({
      title: 'Välj mottagande enhet',
      performerUnit: 'intake',
      source: 'configurable',
      deadline: { configKey: 'choose-receiving-unit' },
    });
    expect(routing.outcomes.map((o) => o.id)).toEqual(['routed', 'handled-by-intake']);
    // Friday 15:00 → Monday 15:00: one working day, so a weekend is not a deviation.
    expect(computeDueAt(routing.deadline, new Date('2026-12-04T14:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T14:00:00.000Z',
    );
  });

  // Rule 12: "a patient folkbokförd outside our kommuner (another county) — the home kommun
  // is still a receiver (routed through an intake for external kommuner, with a task for the
  // ward to make contact)"; "activities performed by processägare ... become tasks".
  it.each([
    [{ outOfCounty: true }, { socialtjanst: true }, true],
    [{ outOfCounty: true }, { kommunalHalsoOchSjukvard: true }, true],
    [{ outOfCounty: true }, { regionalPrimarvard: true }, false],
    [{}, { socialtjanst: true }, false],
  ])(
    'rule 12: flags %j and needs %j → ward contacts the home kommun: %s',
    (flags, needs, opens) => {
      const contact = defined(findActivity(v2, 'contact-home-kommun-out-of-county'));
      expect(contact).toMatchObject({
        performerUnit: 'ward',
        trigger: { event: 'needs-assessed' },
      });
      const facts = { needs, flags, careType: 'somatic', outcomes: {} };
      expect(conditionHolds(contact.condition, facts)).toBe(opens);
      expect(findActivity(v1, 'contact-home-kommun-out-of-county')).toBeUndefined();
    },
  );

  it.each(['escalate-dispute', 'handle-samverkansavvikelse'])(
    'rule 12: %s is a task of the processägare unit',
    (id) => {
      expect(defined(findActivity(v2, id)).performerUnit).toBe('processagare');
    },
  );
});
