/**
 * Codes the API hands out and takes, as plain data without zod, so the web UI imports them
 * from here (apps/web labels each code in its locale; a unit test keeps every code labelled).
 */

/** What a manual samverkansavvikelse is about (the known failures of the collaboration). */
export const manualDeviationCategories = [
  'informationsoverforing',
  'sen-planering',
  'inaktuell-dokumentation',
  'patient-ej-delaktig',
  'sip-ej-erbjuden',
  'sen-sip-kallelse',
  'ansvarsfraga',
  'ovrigt',
] as const;

/** The category of the deviation the workflow records when a task passes its deadline. */
export const overdueDeviationCategory = 'forsenad-aktivitet';

/** Every category a deviation can carry. */
export const deviationCategories = [
  ...manualDeviationCategories,
  overdueDeviationCategory,
] as const;

/** How the processägare's overdue list can be sorted (GET /api/v1/monitoring/overdue?sort=). */
export const overdueSorts = [
  'most-overdue',
  'least-overdue',
  'activity',
  'unit',
  'kommun',
] as const;
export type OverdueSort = (typeof overdueSorts)[number];
