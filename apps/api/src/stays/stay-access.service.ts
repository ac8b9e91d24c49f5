import { Injectable } from '@nestjs/common';
import { AppError } from '@app/domain';
import { StayQueryRepository, StayRepository } from '@app/persistence';
import { AuditService } from '../audit/audit.service';
import { isProcessOwner, scopeOf, unitForStay, type Principal } from '../auth/principal';

/**
 * The one place that decides whether a user reaches a stay. A stay the user may not see
 * answers 404 exactly like one that does not exist; the refusal is audited all the same.
 */
@Injectable()
export class StayAccessService {
  constructor(
    private readonly stays: StayRepository,
    private readonly query: StayQueryRepository,
    private readonly audit: AuditService,
  ) {}

  /** The stay, when the user may see it; otherwise a 404 (audited as denied). */
  async visibleStay(principal: Principal, stayId: string, action: string) {
    const stay = (await this.query.isVisible(stayId, scopeOf(principal)))
      ? await this.stays.findById(stayId)
      : null;
    if (!stay) {
      await this.audit.denied(principal, action, { unitId: principal.unitIds[0] ?? null, stayId });
      throw AppError.notFound(`Stay ${stayId} was not found`);
    }
    return stay;
  }

  /**
   * The stay, when the user may change its data as one of its parties (not processägare,
   * who see all stays pseudonymised but act on none): 404 when not visible, else 403.
   */
  async stayToChange(principal: Principal, stayId: string, action: string) {
    const stay = await this.visibleStay(principal, stayId, action);
    if (isProcessOwner(principal)) {
      await this.audit.denied(principal, action, { unitId: null, stayId });
      throw AppError.forbidden('Processägare do not change stays');
    }
    return { stay, unitId: unitForStay(principal, stay) };
  }
}
