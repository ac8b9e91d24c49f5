import { interpreterEvents, processDefinitions } from '@app/process-definition';
import { eventDataSchemas, stayEventTypes } from './events';

describe('event data schemas', () => {
  it.each(Object.values(processDefinitions))(
    'cover exactly the event types of process definition v$version (the stay’s own aside)',
    (definition) => {
      const own = new Set<string>(interpreterEvents);
      const defined = definition.eventTypes.map((e) => e.type).filter((t) => !own.has(t));
      expect([...stayEventTypes].sort()).toEqual([...defined].sort());
    },
  );

  it('requires the three needs of an assessment and accepts the optional ones', () => {
    const base = { socialtjanst: true, kommunalHalsoOchSjukvard: false, regionalPrimarvard: true };
    expect(eventDataSchemas['needs-assessed'].safeParse(base).success).toBe(true);
    expect(eventDataSchemas['needs-assessed'].safeParse({ ...base, korttid: true }).success).toBe(
      true,
    );
    expect(eventDataSchemas['needs-assessed'].safeParse({ socialtjanst: true }).success).toBe(
      false,
    );
    expect(eventDataSchemas['needs-assessed'].safeParse({ ...base, flying: true }).success).toBe(
      false,
    );
  });

  it('refuses an empty needs change', () => {
    expect(eventDataSchemas['needs-changed'].safeParse({}).success).toBe(false);
    expect(eventDataSchemas['needs-changed'].safeParse({ korttid: true }).success).toBe(true);
  });
});
