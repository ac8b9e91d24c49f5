/**
 * The words the definition and the interpreter share, as plain data: model.ts builds its zod
 * enums from them and the interpreter (workflow code, which must not load zod) reads them.
 */

/** Insatser the patient is judged to need after discharge (set by needs-assessed / needs-changed). */
export const needs = [
  'socialtjanst',
  'kommunalHalsoOchSjukvard',
  'regionalPrimarvard',
  'korttid',
  'hjalpmedel',
  'rehab',
  'egenvard',
  'palliativ',
] as const;

/** Circumstances the physician's assessment records (a subset of the flags). */
export const assessedFlags = [
  'existingMunicipalInsatser',
  'existingFastVardkontakt',
  'cognitiveImpairment',
  'lpt',
] as const;

/** Circumstances of the stay that are not needs (also set by events). */
/** outOfCounty: folkbokförd in another county than the ward's, known from the admission. */
export const flags = [...assessedFlags, 'utskrivningsklar', 'discharged', 'outOfCounty'] as const;

export const dischargeDestinations = [
  'home',
  'korttid',
  'sarskilt-boende',
  'other-hospital',
] as const;

/**
 * Outcomes of the routing activity (settings.routing): the intake chose a receiving unit, or
 * keeps the tasks itself (e.g. it contacts a kommun in another county that has no units here).
 */
export const routingOutcomes = { routed: 'routed', handledByIntake: 'handled-by-intake' } as const;

/**
 * Events the stay raises itself, never registered through the API: the admission (POST
 * /api/v1/stays) and a receiver that could not be resolved (which opens the routing task).
 */
export const interpreterEvents = ['admitted', 'receiving-unit-unresolved'] as const;
