import { Controller, Get } from '@nestjs/common';
import { userRoleTitles } from '@app/domain';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';

export function presentMe(principal: Principal) {
  return {
    id: principal.userId,
    displayName: principal.displayName,
    role: principal.role,
    roleTitle: userRoleTitles[principal.role],
    units: principal.units.map((u) => ({
      id: u.id,
      name: u.name,
      lane: u.lane,
      kommunCode: u.kommunCode,
      kind: u.kind,
      area: u.area,
    })),
    kommunCodes: [...principal.kommunCodes],
  };
}

@Controller('api/v1/me')
export class MeController {
  @Get()
  me(@CurrentPrincipal() principal: Principal) {
    return presentMe(principal);
  }
}
