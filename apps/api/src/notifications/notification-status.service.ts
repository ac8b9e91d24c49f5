import { Injectable } from '@nestjs/common';
import { AppError } from '@app/domain';
import {
  NotificationRepository,
  NotificationStatusRepository,
  UnitRepository,
} from '@app/persistence';
import { AuditService } from '../audit/audit.service';
import { isProcessOwner, type Principal } from '../auth/principal';
import { presentUnitNotifications } from './notification-status.presenter';

const LATEST = 50;
const ACTION = 'notification.status';

/**
 * A unit's notification delivery, for the unit's own members and for processägare. Every
 * read, and every refusal, is audited against the unit.
 */
@Injectable()
export class NotificationStatusService {
  constructor(
    private readonly units: UnitRepository,
    private readonly channels: NotificationRepository,
    private readonly status: NotificationStatusRepository,
    private readonly audit: AuditService,
  ) {}

  async forUnit(principal: Principal, unitId: string) {
    if (!(await this.units.findById(unitId))) throw AppError.notFound('No such unit');
    if (!isProcessOwner(principal) && !principal.unitIds.includes(unitId)) {
      await this.audit.denied(principal, ACTION, { unitId });
      throw AppError.forbidden('The notifications belong to another unit');
    }
    const [channels, counts, deliveries, attempts] = await Promise.all([
      this.channels.channels([unitId]),
      this.status.counts(unitId),
      this.status.latestDeliveries(unitId, LATEST),
      this.status.latestAttempts(unitId, LATEST),
    ]);
    await this.audit.ok(principal, ACTION, [{ unitId }]);
    return presentUnitNotifications(unitId, { channels, counts, deliveries, attempts });
  }
}
