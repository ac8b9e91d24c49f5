import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { AppError } from '@app/domain';
import {
  StayQueryRepository,
  StayRepository,
  TaskQueryRepository,
  TaskRepository,
  UnitRepository,
} from '@app/persistence';
import { findProcessDefinition } from '@app/process-definition';
import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal } from '../auth/auth.guard';
import { isProcessOwner, scopeOf, unitForStay, type Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { PAGE_SIZE } from '../http/paging';
import { stayIdSchema } from '../stays/stays.controller';
import { taskIdSchema } from '../tasks/tasks.controller';
import { fhirTaskQuerySchema, fhirVersionSchema } from './fhir.schemas';
import {
  taskStatusOfFhir,
  toFhirEncounter,
  toFhirPlanDefinition,
  toFhirTask,
  toSearchBundle,
} from './fhir.mapper';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A FHIR R4 read facade over the same data, with the same access rules and audit. */
@Controller('fhir/R4')
export class FhirController {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly taskQuery: TaskQueryRepository,
    private readonly stayQuery: StayQueryRepository,
    private readonly stays: StayRepository,
    private readonly units: UnitRepository,
    private readonly audit: AuditService,
  ) {}

  @Get('Task')
  @Header('Content-Type', FHIR_JSON)
  async searchTasks(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const search = parseInput(fhirTaskQuerySchema, query, 'query');
    const owner = search.owner?.replace(/^Organization\//, '');
    if (owner && !(await this.units.findById(owner)))
      throw AppError.invalidInput('Unknown unit', [
        { field: 'query.owner', reason: `no unit with id "${owner}"` },
      ]);
    const processOwner = isProcessOwner(principal);
    if (owner && !processOwner && !principal.unitIds.includes(owner))
      throw AppError.forbidden('The tasks belong to another unit');
    const status = search.status ? taskStatusOfFhir(search.status) : undefined;
    const unitId = owner ?? (processOwner ? null : (principal.unitIds[0] ?? null));
    const rows = await this.taskQuery.page(
      {
        ...(owner ? { unitIds: [owner] } : processOwner ? {} : { unitIds: principal.unitIds }),
        ...(status ? { status } : {}),
        ...(search.encounter ? { stayId: search.encounter.replace(/^Encounter\//, '') } : {}),
        limit: PAGE_SIZE,
        now: new Date(),
      },
      { reader: this.audit.reader(principal, 'fhir.task.search', unitId), shown: PAGE_SIZE },
    );
    const versions = await this.stayVersions(rows.map((t) => t.stayId));
    return toSearchBundle(
      rows.map((t) => toFhirTask(t, findProcessDefinition(versions.get(t.stayId) ?? 0))),
    );
  }

  @Get('Task/:id')
  @Header('Content-Type', FHIR_JSON)
  async readTask(@CurrentPrincipal() principal: Principal, @Param() params: unknown) {
    const { id } = parseInput(taskIdSchema, params, 'path');
    const task = await this.tasks.findById(id);
    const stay = task ? await this.stayQuery.findTimeline(task.stayId, scopeOf(principal)) : null;
    if (!task || !stay) {
      await this.audit.denied(principal, 'fhir.task.read', {
        unitId: principal.unitIds[0] ?? null,
        stayId: task?.stayId ?? null,
        taskId: id,
      });
      throw AppError.notFound(`Task ${id} was not found`);
    }
    await this.audit.ok(principal, 'fhir.task.read', [
      { unitId: unitForStay(principal, stay), stayId: stay.id, taskId: id },
    ]);
    return toFhirTask(task, findProcessDefinition(stay.processDefinitionVersion));
  }

  @Get('Encounter/:id')
  @Header('Content-Type', FHIR_JSON)
  async readEncounter(@CurrentPrincipal() principal: Principal, @Param() params: unknown) {
    const { id } = parseInput(stayIdSchema, params, 'path');
    const stay = await this.stayQuery.findTimeline(id, scopeOf(principal));
    if (!stay) {
      await this.audit.denied(principal, 'fhir.encounter.read', {
        unitId: principal.unitIds[0] ?? null,
        stayId: id,
      });
      throw AppError.notFound(`Encounter ${id} was not found`);
    }
    await this.audit.ok(principal, 'fhir.encounter.read', [
      { unitId: unitForStay(principal, stay), stayId: id },
    ]);
    return toFhirEncounter(stay, !isProcessOwner(principal));
  }

  @Get('PlanDefinition/:version')
  @Header('Content-Type', FHIR_JSON)
  planDefinition(@Param() params: unknown) {
    const { version } = parseInput(fhirVersionSchema, params, 'path');
    const definition = findProcessDefinition(version);
    if (!definition) throw AppError.notFound(`PlanDefinition ${version} does not exist`);
    return toFhirPlanDefinition(definition);
  }

  private async stayVersions(stayIds: readonly string[]): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    for (const stayId of new Set(stayIds)) {
      const stay = await this.stays.findById(stayId);
      if (stay) versions.set(stayId, stay.processDefinitionVersion);
    }
    return versions;
  }
}
