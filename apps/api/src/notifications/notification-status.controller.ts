import { Controller, Get, Param } from '@nestjs/common';
import { unitNotificationsParamsSchema } from '@app/domain';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { NotificationStatusService } from './notification-status.service';

/** How a unit's notifications (webhook, e-mail digest) are being delivered. */
@Controller('api/v1/units/:unitId/notifications')
export class NotificationStatusController {
  constructor(private readonly service: NotificationStatusService) {}

  @Get()
  get(@CurrentPrincipal() principal: Principal, @Param() params: unknown) {
    const { unitId } = parseInput(unitNotificationsParamsSchema, params, 'path');
    return this.service.forUnit(principal, unitId);
  }
}
