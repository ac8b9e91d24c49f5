import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { AppError } from '@app/domain';
import { findProcessDefinition } from '@app/process-definition';
import { CurrentPrincipal } from '../auth/auth.guard';
import { isProcessOwner, type Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { PAGE_SIZE } from '../http/paging';
import { StayReadService } from '../stays/stay-read.service';
import { stayIdSchema } from '../stays/stays.controller';
import { TaskQueueService } from '../tasks/task-queue.service';
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

/**
 * A FHIR R4 read facade over the same data: it reads through the same services as the REST
 * API (StayReadService, TaskQueueService), so the access rules and the audit are theirs.
 */
@Controller('fhir/R4')
export class FhirController {
  constructor(
    private readonly queue: TaskQueueService,
    private readonly reads: StayReadService,
  ) {}

  @Get('Task')
  @Header('Content-Type', FHIR_JSON)
  async searchTasks(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const search = parseInput(fhirTaskQuerySchema, query, 'query');
    const owner = search.owner?.replace(/^Organization\//, '');
    const status = search.status ? taskStatusOfFhir(search.status) : undefined;
    const rows = await this.queue.page(
      principal,
      {
        ...(owner ? { unit: { id: owner, field: 'query.owner' } } : {}),
        ...(status ? { status } : {}),
        ...(search.encounter ? { stayId: search.encounter.replace(/^Encounter\//, '') } : {}),
        limit: PAGE_SIZE,
        now: new Date(),
      },
      'fhir.task.search',
    );
    const versions = await this.queue.versionsOf(rows.map((t) => t.stayId));
    return toSearchBundle(
      rows.map((t) => toFhirTask(t, findProcessDefinition(versions.get(t.stayId) ?? 0))),
    );
  }

  @Get('Task/:id')
  @Header('Content-Type', FHIR_JSON)
  async readTask(@CurrentPrincipal() principal: Principal, @Param() params: unknown) {
    const { id } = parseInput(taskIdSchema, params, 'path');
    const { task, stay } = await this.queue.read(principal, id, 'fhir.task.read');
    return toFhirTask(task, findProcessDefinition(stay.processDefinitionVersion));
  }

  @Get('Encounter/:id')
  @Header('Content-Type', FHIR_JSON)
  async readEncounter(@CurrentPrincipal() principal: Principal, @Param() params: unknown) {
    const { id } = parseInput(stayIdSchema, params, 'path');
    const stay = await this.reads.timeline(principal, id, 'fhir.encounter.read', 'Encounter');
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
}
