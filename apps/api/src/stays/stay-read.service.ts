import { Injectable } from '@nestjs/common';
import { AppError } from '@app/domain';
import { StayQueryRepository, type StayListFilter } from '@app/persistence';
import { AuditService } from '../audit/audit.service';
import { scopeOf, unitForStay, type Principal } from '../auth/principal';

/**
 * The one way to read stays, for the REST API and the FHIR facade: the user's scope applied
 * in SQL, and the audit row stored before the answer leaves (a refusal is audited too).
 */
@Injectable()
export class StayReadService {
  constructor(
    private readonly query: StayQueryRepository,
    private readonly audit: AuditService,
  ) {}

  /** One stay with its timeline; a stay the user may not see is a 404, like a missing one. */
  async timeline(principal: Principal, stayId: string, action: string, notFound = 'Stay') {
    const stay = await this.query.findTimeline(stayId, scopeOf(principal));
    if (!stay) {
      await this.audit.denied(principal, action, {
        unitId: principal.unitIds[0] ?? null,
        stayId,
      });
      throw AppError.notFound(`${notFound} ${stayId} was not found`);
    }
    await this.audit.ok(principal, action, [{ unitId: unitForStay(principal, stay), stayId }]);
    return stay;
  }

  /** A page of the stays the user may see; `shown` of its rows are audited (one read ahead). */
  async list(
    principal: Principal,
    filter: Omit<StayListFilter, 'scope'>,
    shown: number,
    action = 'stay.list',
  ) {
    const rows = await this.query.list({ ...filter, scope: scopeOf(principal) });
    await this.audit.ok(
      principal,
      action,
      rows.slice(0, shown).map((row) => ({ unitId: unitForStay(principal, row), stayId: row.id })),
    );
    return rows;
  }
}
