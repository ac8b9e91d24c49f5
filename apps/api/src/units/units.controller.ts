import { Controller, Get } from '@nestjs/common';
import { UnitRepository } from '@app/persistence';
import { Public } from '../auth/auth.guard';

@Public()
@Controller('api/v1/units')
export class UnitsController {
  constructor(private readonly units: UnitRepository) {}

  @Get()
  async list() {
    return { items: await this.units.list() };
  }
}
