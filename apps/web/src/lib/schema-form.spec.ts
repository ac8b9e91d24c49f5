import { z } from 'zod';
import { eventDataSchemas } from '../../../../libs/domain/src/schemas/events';
import { dataOf, fieldsOf, initialValues, isDirty, type JsonSchema } from './schema-form';

/** The JSON Schema of an event's data exactly as the API serves it. */
const served = (type: keyof typeof eventDataSchemas) =>
  z.toJSONSchema(eventDataSchemas[type], { io: 'input' }) as JsonSchema;

describe('the event form generated from the served JSON Schemas', () => {
  it('offers every need and circumstance of the assessment, egenvård and LPT among them', () => {
    const fields = fieldsOf(served('needs-assessed'));
    expect(fields.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'socialtjanst',
        'kommunalHalsoOchSjukvard',
        'regionalPrimarvard',
        'egenvard',
        'existingMunicipalInsatser',
        'existingFastVardkontakt',
        'cognitiveImpairment',
        'lpt',
      ]),
    );
    expect(fields.every((f) => f.kind === 'checkbox')).toBe(true);
    // The three the API requires go as false when unticked; the rest only when ticked.
    const values = { ...initialValues(fields), egenvard: true };
    expect(dataOf(fields, values)).toEqual({
      socialtjanst: false,
      kommunalHalsoOchSjukvard: false,
      regionalPrimarvard: false,
      egenvard: true,
    });
    expect(eventDataSchemas['needs-assessed'].safeParse(dataOf(fields, values)).success).toBe(true);
  });

  it('asks unchanged / yes / no for a change of needs, and sends only what was answered', () => {
    const fields = fieldsOf(served('needs-changed'));
    expect(fields.every((f) => f.kind === 'yes-no-unchanged')).toBe(true);
    const data = dataOf(fields, { ...initialValues(fields), korttid: 'yes', socialtjanst: 'no' });
    expect(data).toEqual({ korttid: true, socialtjanst: false });
    expect(eventDataSchemas['needs-changed'].safeParse(data).success).toBe(true);
  });

  it('gives a date field, a choice of destinations, units and text with their limits', () => {
    expect(fieldsOf(served('planned-discharge-date-set'))).toEqual([
      { name: 'date', kind: 'date', required: true },
    ]);
    expect(fieldsOf(served('discharged'))).toEqual([
      {
        name: 'destination',
        kind: 'choice',
        required: true,
        options: ['home', 'korttid', 'sarskilt-boende', 'other-hospital'],
      },
    ]);
    expect(fieldsOf(served('transferred'))).toEqual([
      { name: 'toUnitId', kind: 'unit', required: true },
    ]);
    expect(fieldsOf(served('planning-message-received'))).toEqual([
      { name: 'fromUnitId', kind: 'unit', required: true },
      { name: 'subject', kind: 'text', required: false, maxLength: 200 },
    ]);
    expect(fieldsOf(served('responsibility-dispute-raised'))).toEqual([
      { name: 'description', kind: 'long-text', required: true, maxLength: 2000 },
    ]);
    expect(fieldsOf(served('died'))).toEqual([]);
  });

  it('leaves out empty optional text, trims the rest, and knows a half-filled form', () => {
    const fields = fieldsOf(served('utskrivningsklar-revoked'));
    expect(dataOf(fields, initialValues(fields))).toEqual({});
    expect(isDirty(fields, initialValues(fields))).toBe(false);
    const typed = { reason: '  Ny infektion ' };
    expect(isDirty(fields, typed)).toBe(true);
    expect(dataOf(fields, typed)).toEqual({ reason: 'Ny infektion' });
  });

  it('fills every event type the API accepts with data the API accepts', () => {
    const sample: Record<string, string | boolean> = {
      date: '2026-12-10',
      destination: 'home',
      toUnitId: 'sv-ostra-avd-1',
      fromUnitId: 'rpv-vc-majorna',
      unitId: 'rpv-vc-majorna',
      description: 'Oklart vem som ansvarar för hjälpmedlen.',
      month: '2026-11',
      socialtjanst: 'yes',
    };
    for (const type of Object.keys(eventDataSchemas) as (keyof typeof eventDataSchemas)[]) {
      const fields = fieldsOf(served(type));
      const values = { ...initialValues(fields) };
      for (const f of fields) if (f.required || f.name in sample) values[f.name] = sample[f.name];
      const parsed = eventDataSchemas[type].safeParse(dataOf(fields, values));
      expect({ type, ok: parsed.success }).toEqual({ type, ok: true });
    }
  });
});
