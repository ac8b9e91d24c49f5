import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError, type ManualDeviationRequest } from '@app/domain';
import { DeviationRepository, UnitRepository } from '@app/persistence';
import { StayFailure, registerEventUpdate } from '@app/workflows';
import { presentDeviation } from '../stays/stay.presenter';

interface StayRef {
  id: string;
  workflowId: string;
  kommunCode: string;
}

@Injectable()
export class DeviationsService {
  constructor(
    private readonly client: Client,
    private readonly deviations: DeviationRepository,
    private readonly units: UnitRepository,
  ) {}

  /**
   * Records a manual samverkansavvikelse once per Idempotency-Key, then tells the stay's
   * workflow (samverkansavvikelse-reported), so the process can have it handled. A stay that
   * has ended keeps the report; a retry with the same key completes a half-done report.
   */
  async report(stay: StayRef, report: ManualDeviationRequest, key: string, hash: string) {
    if (!(await this.units.findById(report.unitId)))
      throw AppError.unprocessable('Unknown unit', [
        { field: 'body.unitId', reason: `no unit with id "${report.unitId}"` },
      ]);
    const outcome = await this.deviations.createManual(
      {
        id: `manual-${crypto.randomUUID()}`,
        stayId: stay.id,
        unitId: report.unitId,
        category: report.category,
        description: report.description,
        occurredAt: report.occurredAt,
      },
      { scope: `deviation:${stay.id}`, key, requestHash: hash },
    );
    if (outcome.kind === 'key-reused')
      throw new AppError(
        'idempotency-mismatch',
        'This Idempotency-Key was already used for a different deviation report',
        [{ field: 'header.Idempotency-Key', reason: 'already used with another request body' }],
      );
    await this.notifyWorkflow(stay, outcome.deviationId, report);
    const deviation = await this.deviations.findById(outcome.deviationId);
    if (!deviation) throw new Error(`Deviation ${outcome.deviationId} vanished`);
    return presentDeviation(deviation, stay.kommunCode);
  }

  private async notifyWorkflow(stay: StayRef, deviationId: string, report: ManualDeviationRequest) {
    try {
      await this.client.workflow.getHandle(stay.workflowId).executeUpdate(registerEventUpdate, {
        args: [
          {
            type: 'samverkansavvikelse-reported',
            occurredAt: report.occurredAt.toISOString(),
            data: { description: report.description, unitId: report.unitId },
          },
        ],
        updateId: `deviation:${deviationId}`,
      });
    } catch (error) {
      // The stay is known (its row was found), so a workflow that is no longer running has
      // closed after the stay ended: the report is kept, as for an ended stay. (Answering
      // 404 here would refuse a request whose deviation and key were already recorded.)
      const ended =
        (error instanceof WorkflowUpdateFailedError &&
          error.cause instanceof ApplicationFailure &&
          error.cause.type === StayFailure.stayEnded) ||
        error instanceof WorkflowNotFoundError;
      if (!ended) throw error;
    }
  }
}
