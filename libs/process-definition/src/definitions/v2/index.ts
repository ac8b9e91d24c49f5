import type { ProcessDefinition } from '../../model';
import { efterUtskrivningActivities } from './efter-utskrivning';
import { eventTypesV2 } from './events';
import { inskrivningWardActivities } from './inskrivning';
import { inskrivningReceiverActivities } from './inskrivning-receivers';
import { lptActivities } from './lpt';
import { routingActivities } from './routing';
import { sipActivities } from './sip';
import { socialtjanstOchEgenvardActivities } from './socialtjanst-och-egenvard';
import { underVardtidenActivities } from './under-vardtiden';
import { utskrivningActivities } from './utskrivning';
import { utskrivningsklarActivities } from './utskrivningsklar';

/**
 * Version 2 of the Göteborgsområdet in- och utskrivning process: v1 corrected against the law
 * and the agreement (issue 14). New stays start on it; stays admitted under v1 keep v1.
 * Immutable once released (versions.spec.ts pins its content): changes go into v3.
 * Plain data (no zod import) so that workflow code can bundle it.
 */
export const processDefinitionV2: ProcessDefinition = {
  version: 2,
  title: 'Samverkan vid in- och utskrivning, Göteborgsområdet',
  validFrom: '2026-12-07',
  settings: { readmissionWindowDays: 30, routing: { activity: 'choose-receiving-unit' } },
  eventTypes: eventTypesV2,
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
    ...routingActivities,
  ] as [ProcessDefinition['activities'][number], ...ProcessDefinition['activities']],
};
