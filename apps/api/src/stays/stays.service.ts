import { Injectable } from '@nestjs/common';
import type { Admission } from '@app/domain';
import { StayCommands } from '@app/stay-commands';
import type { RegisterEventResult } from '@app/workflows';

/** The API's stay commands: the shared command code (libs/stay-commands), as the API calls it. */
@Injectable()
export class StaysService {
  constructor(private readonly commands: StayCommands) {}

  /** Admission: records patient and stay, then starts the stay's workflow. Idempotent per key. */
  admit(
    admission: Admission,
    key: string,
    requestHash: string,
  ): Promise<{ id: string; processDefinitionVersion: number }> {
    return this.commands.admit(admission, key, requestHash);
  }

  registerEvent(
    stayId: string,
    event: { type: string; occurredAt: Date; data: Record<string, unknown> },
    updateId: string,
  ): Promise<RegisterEventResult> {
    return this.commands.registerEvent(stayId, event, updateId);
  }
}
