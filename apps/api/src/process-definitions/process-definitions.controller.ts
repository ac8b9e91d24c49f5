import { Controller, Get, Param } from '@nestjs/common';
import { z } from 'zod';
import { AppError, eventDataSchemas, type StayEventType } from '@app/domain';
import {
  currentProcessDefinitionVersion,
  processDefinitionHash,
  processDefinitions,
  type ProcessDefinition,
} from '@app/process-definition';
import { parseInput } from '../http/parse';
import { Public } from '../auth/auth.guard';

export const versionSchema = z.object({
  version: z.coerce.number().int().positive('must be a version number'),
});

/** The event types POST /stays/:id/events accepts, with the JSON Schema of their data. */
function acceptedEventTypes(definition: ProcessDefinition) {
  return definition.eventTypes
    .filter((e): e is typeof e & { type: StayEventType } => e.type in eventDataSchemas)
    .map((e) => ({
      type: e.type,
      title: e.title,
      dataSchema: z.toJSONSchema(eventDataSchemas[e.type], { io: 'input' }),
    }));
}

@Public()
@Controller('api/v1/process-definitions')
export class ProcessDefinitionsController {
  @Get()
  list() {
    return {
      currentVersion: currentProcessDefinitionVersion,
      items: Object.values(processDefinitions).map((d) => ({
        version: d.version,
        title: d.title,
        validFrom: d.validFrom,
        hash: processDefinitionHash(d),
        activityCount: d.activities.length,
        acceptedEventTypes: acceptedEventTypes(d).map(({ type, title }) => ({ type, title })),
      })),
    };
  }

  @Get(':version')
  get(@Param() params: unknown) {
    const { version } = parseInput(versionSchema, params, 'path');
    const definition = processDefinitions[version];
    if (!definition)
      throw AppError.notFound(`Process definition version ${version} does not exist`);
    return {
      ...definition,
      hash: processDefinitionHash(definition),
      acceptedEventTypes: acceptedEventTypes(definition),
    };
  }
}
