import { z } from 'zod';
import { deviationCategories } from '../../../../libs/domain/src/vocabulary';
import { eventDataSchemas, stayEventTypes } from '../../../../libs/domain/src/schemas/events';
import {
  assessedFlags,
  dischargeDestinations,
  needs,
} from '../../../../libs/process-definition/src/vocabulary';
import type { JsonSchema } from '../lib/schema-form';
import { sv } from './sv';

/** The Swedish text at a dotted key, or undefined. */
function text(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], sv);
}
const unlabelled = (keys: string[]) => keys.filter((k) => typeof text(k) !== 'string');

describe('every code the UI shows has its Swedish label', () => {
  it('labels every need, circumstance and discharge destination of the vocabulary', () => {
    expect(unlabelled([...needs, ...assessedFlags].map((n) => `forms.field.${n}`))).toEqual([]);
    expect(unlabelled(dischargeDestinations.map((d) => `forms.option.destination.${d}`))).toEqual(
      [],
    );
  });

  it('labels every deviation category, the automatic one too', () => {
    expect(deviationCategories).toContain('forsenad-aktivitet');
    expect(unlabelled(deviationCategories.map((c) => `deviations.categories.${c}`))).toEqual([]);
  });

  it("labels every field and option of every event's data", () => {
    const keys: string[] = [];
    for (const schema of Object.values(eventDataSchemas)) {
      const json = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
      for (const [name, p] of Object.entries(json.properties ?? {})) {
        keys.push(`forms.field.${name}`);
        for (const option of p.enum ?? []) keys.push(`forms.option.${name}.${String(option)}`);
      }
    }
    expect(unlabelled(keys)).toEqual([]);
  });

  it('labels every event type the API takes (new ones fall back to their definition titles)', () => {
    expect(unlabelled(['admitted', ...stayEventTypes].map((type) => `events.${type}`))).toEqual([]);
  });

  it('says one thing for one thing: "Överflyttad till annat sjukhus", korttidsboende, från UK', () => {
    expect(sv.stays.statuses.transferred).toBe('Överflyttad till annat sjukhus');
    expect(sv.events.transferred).toBe('Överflyttad till annat sjukhus');
    expect(sv.forms.field.korttid).toBe('Korttidsboende');
    expect(sv.forms.option.destination.korttid).toBe('Korttidsboende');
    // The municipal health care lane has one name, the law's, as the need and the role do.
    expect(sv.stay.lanes.kommunal_primarvard).toBe(sv.forms.field.kommunalHalsoOchSjukvard);
    for (const label of [sv.kpi.ukMean, sv.kpi.sevenDays, sv.kpi.ukDistribution])
      expect(label).toContain('från UK');
  });
});
