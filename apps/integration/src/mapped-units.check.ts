import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HL7_MAPPINGS, MappingError, type Hl7Mappings } from '@app/integration';
import { UnitRepository } from '@app/persistence';

/**
 * At start-up, before the port opens: every unit the mapping tables name is a unit of the
 * register, of the right kind. A ward code pointing nowhere would otherwise refuse every
 * admission to it.
 */
@Injectable()
export class MappedUnitsCheck implements OnModuleInit {
  constructor(
    @Inject(HL7_MAPPINGS) private readonly mappings: Hl7Mappings,
    private readonly units: UnitRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const { wards, primaryCare } = this.mappings.unitIds();
    const known = await this.units.findByIds([...wards, ...primaryCare]);
    const problems = [
      ...wards
        .filter((id) => known.get(id)?.lane !== 'slutenvard')
        .map((id) => `units.json: ward unit "${id}" is not a hospital ward in the unit register`),
      ...primaryCare
        .filter((id) => known.get(id)?.lane !== 'regional_primarvard')
        .map(
          (id) => `units.json: primaryCare unit "${id}" is not a vårdcentral in the unit register`,
        ),
    ];
    if (problems.length > 0) throw new MappingError(problems.join('; '));
  }
}
