import { admissionSchema } from './admission';
import { CLOCK_SKEW_MS, happenedAtSchema } from './common';
import { stayEventRequestSchema } from './events';

describe('happenedAtSchema', () => {
  const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

  it('takes the past and the present, and a clock a little ahead', () => {
    expect(happenedAtSchema.safeParse(at(-30 * 86_400_000)).success).toBe(true);
    expect(happenedAtSchema.safeParse(at(0)).success).toBe(true);
    expect(happenedAtSchema.safeParse(at(CLOCK_SKEW_MS - 60_000)).success).toBe(true);
  });

  it('refuses what has not happened yet, naming the reason', () => {
    const result = happenedAtSchema.safeParse(at(CLOCK_SKEW_MS + 60_000));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must not lie in the future');
  });

  it('guards the admission and the event request', () => {
    const tomorrow = at(86_400_000);
    const event = stayEventRequestSchema.safeParse({
      type: 'needs-assessed',
      occurredAt: tomorrow,
    });
    expect(event.error?.issues[0]?.path).toEqual(['occurredAt']);
    const admission = admissionSchema.safeParse({
      patient: { personnummer: '19121212-1212', name: 'Tolvan', folkbokforingskommun: '1480' },
      wardUnitId: 'sv-sahlgrenska-avd-32',
      admittedAt: tomorrow,
      careType: 'somatic',
    });
    expect(admission.error?.issues.map((i) => i.path)).toEqual([['admittedAt']]);
  });
});
