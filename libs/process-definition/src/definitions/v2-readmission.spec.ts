import { processDefinitionV2 as v2 } from './v2';

describe('process definition v2: readmission (issue 14, rule 6)', () => {
  // "A readmission within 30 days cancels the earlier stay's after-discharge tasks that no
  // longer apply (first home visit, start of home care, follow-up contact)".
  it('cancels exactly the first home visit, the start of home care and the follow-up contact', () => {
    const cancelled = v2.activities
      .filter((a) => a.cancelledBy?.includes('readmitted'))
      .map((a) => a.id)
      .sort();
    expect(cancelled).toEqual(['first-home-visit', 'follow-up-contact', 'start-home-care']);
  });

  it('counts a readmission within 30 days', () => {
    expect(v2.settings.readmissionWindowDays).toBe(30);
  });
});
