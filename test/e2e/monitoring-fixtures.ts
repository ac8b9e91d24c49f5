import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { patientKeyOf } from '@app/domain';
import { StayRepository } from '@app/persistence';
import { currentProcessDefinitionVersion } from '@app/process-definition';
import {
  admitUpdate,
  stayWorkflowId,
  stayWorkflowType,
  type StayWorkflowInput,
} from '@app/workflows';
import { randomPersonnummer } from '../support/fixtures';
import type { StayDriver } from '../support/stay-driver';

/** Needs from every huvudman: the ward's messages, UK notice and SIP tasks all open. */
export const allNeeds = {
  socialtjanst: true,
  kommunalHalsoOchSjukvard: true,
  regionalPrimarvard: true,
};

/**
 * Admits a stay of a patient folkbokförd in `kommunCode` on `wardUnitId`, the way
 * StayDriver.admit does for Göteborg: the monitoring and report tests keep to kommuner and
 * months no other test uses, so their figures are theirs alone in the shared database.
 */
export async function admitIn(
  driver: StayDriver,
  options: {
    kommunCode: string;
    wardUnitId: string;
    listedVardcentralUnitId: string;
    admittedAt: string;
    personnummer?: string;
  },
): Promise<string> {
  const stayId = randomUUID();
  const personnummer = options.personnummer ?? randomPersonnummer();
  const patientKey = patientKeyOf(personnummer, process.env.PATIENT_KEY_SECRET ?? '');
  const input: StayWorkflowInput = {
    stayId,
    processDefinitionVersion: currentProcessDefinitionVersion,
    admittedAt: options.admittedAt,
    careType: 'somatic',
    wardUnitId: options.wardUnitId,
    kommunCode: options.kommunCode,
    listedVardcentralUnitId: options.listedVardcentralUnitId,
    patientKey,
  };
  await new StayRepository(driver.prisma).admit(
    {
      stayId,
      workflowId: stayWorkflowId(stayId),
      processDefinitionVersion: input.processDefinitionVersion,
      wardUnitId: input.wardUnitId,
      kommunCode: input.kommunCode,
      listedVardcentralUnitId: options.listedVardcentralUnitId,
      careType: input.careType,
      admittedAt: new Date(options.admittedAt),
      patient: {
        personnummer,
        name: 'Test Testsson',
        patientKey,
        folkbokforingskommun: options.kommunCode,
      },
    },
    { scope: 'test', key: stayId, requestHash: stayId },
  );
  await driver.client.workflow.executeUpdateWithStart(admitUpdate, {
    updateId: `admit:${stayId}`,
    startWorkflowOperation: new WithStartWorkflowOperation(stayWorkflowType, {
      workflowId: stayWorkflowId(stayId),
      taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? '',
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [input],
    }),
  });
  return stayId;
}

/** 08:00 UTC etc. on a day: `at('2025-03-03', 8)`. */
export const at = (day: string, hour = 8) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`).toISOString();
