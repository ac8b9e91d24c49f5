import type { ProcessDefinition } from '../../model';
import { efterUtskrivningActivities } from './efter-utskrivning';
import { eventTypesV1 } from './events';
import { inskrivningWardActivities } from './inskrivning';
import { inskrivningReceiverActivities } from './inskrivning-receivers';
import { lptActivities } from './lpt';
import { sipActivities } from './sip';
import { socialtjanstOchEgenvardActivities } from './socialtjanst-och-egenvard';
import { underVardtidenActivities } from './under-vardtiden';
import { utskrivningActivities } from './utskrivning';
import { utskrivningsklarActivities } from './utskrivningsklar';

/**
 * Version 1 of the Göteborgsområdet in- och utskrivning process.
 * Immutable once released (definition-hash.spec.ts pins its content): changes go into v2.
 * Plain data (no zod import) so that workflow code can bundle it.
 */
export const processDefinitionV1: ProcessDefinition = {
  version: 1,
  title: 'Samverkan vid in- och utskrivning, Göteborgsområdet',
  validFrom: '2026-01-01',
  settings: { readmissionWindowDays: 30 },
  eventTypes: eventTypesV1,
  activities: [
    ...inskrivningWardActivities,
    ...inskrivningReceiverActivities,
    ...underVardtidenActivities,
    ...socialtjanstOchEgenvardActivities,
    ...sipActivities,
    ...utskrivningsklarActivities,
    ...lptActivities,
    ...utskrivningActivities,
    ...efterUtskrivningActivities,
  ] as [ProcessDefinition['activities'][number], ...ProcessDefinition['activities']],
};
