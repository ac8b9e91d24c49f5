import { z } from 'zod';
import { eventDataSchemas } from '../../../../libs/domain/src/schemas/events';
import { fieldName, swedishReason } from './problem-text';

describe("the API's refusals in Swedish", () => {
  it("says the reasons of the event schemas' own wordings in Swedish", () => {
    const bad = eventDataSchemas['planned-discharge-date-set'].safeParse({ date: '2026-02-30' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => swedishReason(i.message))).toEqual([
      'ska vara ett datum som finns, ÅÅÅÅ-MM-DD',
    ]);
    const long = eventDataSchemas['utskrivningsklar-revoked'].safeParse({
      reason: 'x'.repeat(501),
    });
    expect(long.error?.issues.map((i) => swedishReason(i.message))).toEqual([
      'får vara högst 500 tecken',
    ]);
    const missing = z.strictObject({ a: z.string() }).safeParse({});
    expect(missing.error?.issues.map((i) => swedishReason(i.message))).toEqual(['måste anges']);
    expect(swedishReason('must not lie in the future')).toBe('får inte ligga i framtiden');
  });

  it('keeps a reason it does not know, and names the field by its last part', () => {
    expect(swedishReason('something new')).toBe('something new');
    expect(fieldName('body.data.date')).toBe('date');
    expect(fieldName('body.occurredAt')).toBe('occurredAt');
  });
});
