import { Injectable } from '@nestjs/common';
import { AppError, type Admission, type ManualDeviationRequest } from '@app/domain';
import { UnitRepository } from '@app/persistence';
import { StayCommands } from '@app/stay-commands';
import type { RegisterEventResult } from '@app/workflows';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { IdempotentWriteService } from '../commands/idempotent-write.service';
import { DeviationsService } from '../deviations/deviations.service';
import { StayAccessService } from './stay-access.service';

/**
 * The API's one way to change a stay (admission, events, manual deviations): who may is
 * checked here, the audit row written before the answer (for an event, with its claim before
 * the change), and the command itself is the shared code in libs/stay-commands.
 */
@Injectable()
export class StaysService {
  constructor(
    private readonly commands: StayCommands,
    private readonly units: UnitRepository,
    private readonly access: StayAccessService,
    private readonly deviations: DeviationsService,
    private readonly audit: AuditService,
    private readonly writes: IdempotentWriteService,
  ) {}

  /** Admission, by ward staff for their own ward. Idempotent per key. */
  async admit(
    principal: Principal,
    admission: Admission,
    key: string,
    requestHash: string,
  ): Promise<{ id: string; processDefinitionVersion: number }> {
    // An unknown ward is the request's fault (422, from the command); another ward is not yours.
    if (principal.role !== 'ward_staff' || !principal.unitIds.includes(admission.wardUnitId)) {
      const ward = await this.units.findById(admission.wardUnitId);
      if (principal.role !== 'ward_staff' || ward?.lane === 'slutenvard') {
        await this.audit.denied(principal, 'stay.admit', { unitId: admission.wardUnitId });
        throw AppError.forbidden('Only staff of the ward admit a patient to it');
      }
    }
    const result = await this.commands.admit(admission, key, requestHash);
    await this.audit.ok(principal, 'stay.admit', [
      { unitId: admission.wardUnitId, stayId: result.id },
    ]);
    return result;
  }

  /** A process event, registered by staff of the stay's ward, under a required key. */
  async registerEvent(
    principal: Principal,
    stayId: string,
    event: { type: string; occurredAt: Date; data: Record<string, unknown> },
    idempotency: { key: string; request: unknown },
  ): Promise<RegisterEventResult> {
    const { stay } = await this.access.stayToChange(principal, stayId, 'stay.event');
    if (!principal.unitIds.includes(stay.wardUnitId)) {
      await this.audit.denied(principal, 'stay.event', {
        unitId: principal.unitIds[0] ?? null,
        stayId,
      });
      throw AppError.forbidden("Only staff of the stay's ward register its events");
    }
    return this.writes.run(
      {
        principal,
        action: 'stay.event',
        subject: { unitId: stay.wardUnitId, stayId },
        scope: `event:${stayId}`,
        resourceId: stayId,
        key: idempotency.key,
        request: idempotency.request,
      },
      () => this.commands.registerEventOn(stay, event, `event:${idempotency.key}`),
    );
  }

  /** A manual samverkansavvikelse, reported by any party of the stay. */
  async reportDeviation(
    principal: Principal,
    stayId: string,
    report: ManualDeviationRequest,
    key: string,
    requestHash: string,
  ) {
    const { stay, unitId } = await this.access.stayToChange(principal, stayId, 'deviation.report');
    const deviation = await this.deviations.report(stay, report, key, requestHash);
    await this.audit.ok(principal, 'deviation.report', [{ unitId, stayId }]);
    return deviation;
  }
}
