import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import {
  AppError,
  eventDataSchemas,
  fieldProblemsFromZod,
  patientKeyOf,
  type Admission,
  type StayEventType,
} from '@app/domain';
import { StayQueryRepository, StayRepository, UnitRepository } from '@app/persistence';
import { currentProcessDefinitionVersion, findProcessDefinition } from '@app/process-definition';
import {
  admitUpdate,
  registerEventUpdate,
  StayFailure,
  stayWorkflowId,
  stayWorkflowType,
  type RegisterEventResult,
  type StayWorkflowInput,
} from '@app/workflows';

/**
 * The commands that change a stay (admission, events), shared by every facade that accepts
 * them: the REST API, the HL7 v2 listener and the inbox's replay. Who may issue them and the
 * audit row are the caller's; the rules of the process are here, once.
 */
@Injectable()
export class StayCommands {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly client: Client,
    private readonly stays: StayRepository,
    private readonly units: UnitRepository,
    private readonly stayQuery: StayQueryRepository,
  ) {}

  /** Admission: records patient and stay, then starts the stay's workflow. Idempotent per key. */
  async admit(
    admission: Admission,
    key: string,
    requestHash: string,
  ): Promise<{ id: string; processDefinitionVersion: number }> {
    await this.checkUnits(admission);
    const patientKey = patientKeyOf(admission.patient.personnummer, this.config.PATIENT_KEY_SECRET);
    const stayId = crypto.randomUUID();
    // From the admission itself: a replayed key carries the same body as the first request.
    const units = await this.units.resolveStayUnits({
      wardUnitId: admission.wardUnitId,
      kommunCode: admission.patient.folkbokforingskommun,
      ...(admission.patient.listedVardcentralUnitId
        ? { listedVardcentralUnitId: admission.patient.listedVardcentralUnitId }
        : {}),
      ...(admission.patient.postalCode ? { postalCode: admission.patient.postalCode } : {}),
    });
    const outcome = await this.stays.admit(
      {
        stayId,
        workflowId: stayWorkflowId(stayId),
        processDefinitionVersion: currentProcessDefinitionVersion,
        wardUnitId: admission.wardUnitId,
        kommunCode: admission.patient.folkbokforingskommun,
        ...(admission.patient.listedVardcentralUnitId
          ? { listedVardcentralUnitId: admission.patient.listedVardcentralUnitId }
          : {}),
        ...(units.outOfCounty ? { outOfCounty: true } : {}),
        careType: admission.careType,
        admittedAt: admission.admittedAt,
        patient: {
          personnummer: admission.patient.personnummer,
          name: admission.patient.name,
          patientKey,
          folkbokforingskommun: admission.patient.folkbokforingskommun,
        },
      },
      { scope: 'admission', key, requestHash },
    );
    if (outcome.kind === 'key-reused')
      throw new AppError(
        'idempotency-mismatch',
        'This Idempotency-Key was already used for a different admission',
        [{ field: 'header.Idempotency-Key', reason: 'already used with another request body' }],
      );
    // A replayed key starts (or finds) the workflow of the stay the first request recorded.
    const stay =
      outcome.kind === 'created'
        ? {
            id: stayId,
            processDefinitionVersion: currentProcessDefinitionVersion,
            admittedAt: admission.admittedAt,
            careType: admission.careType,
            wardUnitId: admission.wardUnitId,
            kommunCode: admission.patient.folkbokforingskommun,
            listedVardcentralUnitId: admission.patient.listedVardcentralUnitId ?? null,
          }
        : await this.stays.findById(outcome.stayId);
    if (!stay) throw new Error(`Stay ${outcome.stayId} vanished after admission`);
    if (admission.frailty) await this.stayQuery.recordFrailty(stay.id, admission.frailty.cfs);
    // Started after the commit, so a retry with the same key completes a half-done admission.
    await this.startWorkflow({
      stayId: stay.id,
      processDefinitionVersion: stay.processDefinitionVersion,
      admittedAt: stay.admittedAt.toISOString(),
      careType: stay.careType,
      wardUnitId: stay.wardUnitId,
      kommunCode: stay.kommunCode,
      ...(stay.listedVardcentralUnitId
        ? { listedVardcentralUnitId: stay.listedVardcentralUnitId }
        : {}),
      patientKey,
      units,
      // Fixed at admission, so a later change of the settings never alters a running stay.
      taskTiming: {
        reminderBeforeDueHours: this.config.TASK_REMINDER_BEFORE_DUE_HOURS,
        escalationAfterDueHours: this.config.TASK_ESCALATION_AFTER_DUE_HOURS,
      },
    });
    return { id: stay.id, processDefinitionVersion: stay.processDefinitionVersion };
  }

  async registerEvent(
    stayId: string,
    event: { type: string; occurredAt: Date; data: Record<string, unknown> },
    updateId: string,
  ): Promise<RegisterEventResult> {
    const stay = await this.stays.findById(stayId);
    if (!stay) throw AppError.notFound(`Stay ${stayId} was not found`);
    return this.registerEventOn(stay, event, updateId);
  }

  /** The same, for a stay the caller has already read (and checked access to). */
  async registerEventOn(
    stay: { workflowId: string; processDefinitionVersion: number; status?: string },
    event: { type: string; occurredAt: Date; data: Record<string, unknown> },
    updateId: string,
  ): Promise<RegisterEventResult> {
    const definition = findProcessDefinition(stay.processDefinitionVersion);
    if (
      !definition?.eventTypes.some((e) => e.type === event.type) ||
      !(event.type in eventDataSchemas)
    )
      throw AppError.invalidInput('Unknown event type', [
        {
          field: 'body.type',
          reason: `must be one of: ${(definition?.eventTypes ?? []).map((e) => e.type).join(', ')}`,
        },
      ]);
    const parsed = eventDataSchemas[event.type as StayEventType].safeParse(event.data);
    if (!parsed.success)
      throw AppError.invalidInput(
        `Invalid data for event ${event.type}`,
        fieldProblemsFromZod(parsed.error, 'body.data'),
      );
    try {
      return await this.client.workflow
        .getHandle(stay.workflowId)
        .executeUpdate(registerEventUpdate, {
          args: [
            { type: event.type, occurredAt: event.occurredAt.toISOString(), data: parsed.data },
          ],
          updateId,
        });
    } catch (error) {
      // Ended while its workflow still runs (the workflow refuses) or closed for good (the
      // workflow is gone): the same clear 409 either way, never a 404 for a stay that exists.
      if (stayIsClosed(error)) throw stayClosedError(stay.status);
      throw error;
    }
  }

  private async checkUnits(admission: Admission): Promise<void> {
    const problems = [];
    const ward = await this.units.findById(admission.wardUnitId);
    if (ward?.lane !== 'slutenvard')
      problems.push({ field: 'body.wardUnitId', reason: 'is not a known hospital ward' });
    const vardcentralId = admission.patient.listedVardcentralUnitId;
    if (vardcentralId) {
      const vardcentral = await this.units.findById(vardcentralId);
      if (vardcentral?.lane !== 'regional_primarvard')
        problems.push({
          field: 'body.patient.listedVardcentralUnitId',
          reason: 'is not a known vårdcentral',
        });
    }
    if (problems.length > 0) throw AppError.unprocessable('Unknown unit', problems);
  }

  /**
   * Update-with-start: starts the stay's workflow (or finds it, on a retry) and waits until
   * the admission's first tasks are in the read model, so the ward sees them at once.
   */
  private async startWorkflow(input: StayWorkflowInput): Promise<void> {
    await this.client.workflow.executeUpdateWithStart(admitUpdate, {
      updateId: `admit:${input.stayId}`,
      startWorkflowOperation: new WithStartWorkflowOperation(stayWorkflowType, {
        workflowId: stayWorkflowId(input.stayId),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [input],
      }),
    });
  }
}

function stayIsClosed(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError ||
    (error instanceof WorkflowUpdateFailedError &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === StayFailure.stayEnded)
  );
}

const endings: Record<string, string> = {
  discharged: 'utskriven',
  died: 'avliden',
  transferred: 'överflyttad till annat sjukhus',
};

/** One answer for an event on a closed stay, with the reason and no patient data. */
export function stayClosedError(status: string | undefined): AppError {
  const ending = status ? endings[status] : undefined;
  return new AppError(
    'conflict',
    `The stay is closed${status ? ` (${status})` : ''}: no more events can be registered on it`,
    [
      {
        field: 'path.id',
        reason: `vårdtillfället är avslutat${ending ? ` (${ending})` : ''}; inga fler händelser kan registreras`,
      },
    ],
  );
}
