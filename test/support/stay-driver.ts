import { randomUUID } from 'node:crypto';
import {
  Client,
  Connection,
  WithStartWorkflowOperation,
  type WorkflowHandle,
} from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { loadConfig } from '@app/config';
import { patientKeyOf } from '@app/domain';
import { PrismaService, StayRepository } from '@app/persistence';
import { randomPersonnummer } from './fixtures';
import { eventually } from './stays';
import { currentProcessDefinitionVersion } from '@app/process-definition';
import { stayDataConverter } from '@app/temporal';
import {
  admitUpdate,
  completeTaskUpdate,
  registerEventUpdate,
  stayWorkflowId,
  stayWorkflowType,
  type StayWorkflowInput,
  type TaskState,
} from '@app/workflows';

/**
 * Drives stays through the workflow's own messages (the same Updates the API sends) and
 * reads the PostgreSQL read model, for lifecycle tests of the workflow and its projections.
 */
export class StayDriver {
  private constructor(
    readonly client: Client,
    readonly prisma: PrismaService,
  ) {}

  static async connect(): Promise<StayDriver> {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    return new StayDriver(
      new Client({ connection, dataConverter: stayDataConverter(loadConfig()) }),
      new PrismaService(process.env.DATABASE_URL ?? ''),
    );
  }

  async close(): Promise<void> {
    await this.client.connection.close();
    await this.prisma.$disconnect();
  }

  /**
   * Admits a stay the way the API does (patient and stay rows, then update-with-start).
   * Defaults: a Göteborg patient on Sahlgrenska avd 32, listed at VC Majorna.
   */
  async admit(options: {
    personnummer?: string;
    admittedAt: string;
    careType?: string;
    kommunCode?: string;
    wardUnitId?: string;
    listedVardcentralUnitId?: string;
    /** A stay admitted before the current version was released keeps its older version. */
    processDefinitionVersion?: number;
  }): Promise<string> {
    const stayId = randomUUID();
    const personnummer = options.personnummer ?? randomPersonnummer();
    const patientKey = patientKeyOf(personnummer, process.env.PATIENT_KEY_SECRET ?? '');
    const input: StayWorkflowInput = {
      stayId,
      processDefinitionVersion: options.processDefinitionVersion ?? currentProcessDefinitionVersion,
      admittedAt: options.admittedAt,
      careType: options.careType ?? 'somatic',
      wardUnitId: options.wardUnitId ?? 'sv-sahlgrenska-avd-32',
      kommunCode: options.kommunCode ?? '1480',
      listedVardcentralUnitId: options.listedVardcentralUnitId ?? 'rpv-vc-majorna',
      patientKey,
    };
    await new StayRepository(this.prisma).admit(
      {
        stayId,
        workflowId: stayWorkflowId(stayId),
        processDefinitionVersion: input.processDefinitionVersion,
        wardUnitId: input.wardUnitId,
        kommunCode: input.kommunCode,
        listedVardcentralUnitId: input.listedVardcentralUnitId,
        careType: input.careType,
        admittedAt: new Date(options.admittedAt),
        patient: {
          personnummer,
          name: 'Test Testsson',
          patientKey,
          folkbokforingskommun: input.kommunCode,
        },
      },
      { scope: 'test', key: stayId, requestHash: stayId },
    );
    await this.client.workflow.executeUpdateWithStart(admitUpdate, {
      updateId: `admit:${stayId}`,
      startWorkflowOperation: new WithStartWorkflowOperation(stayWorkflowType, {
        workflowId: stayWorkflowId(stayId),
        taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? '',
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [input],
      }),
    });
    return stayId;
  }

  event(stayId: string, type: string, occurredAt: string, data: Record<string, unknown> = {}) {
    return this.client.workflow
      .getHandle(stayWorkflowId(stayId))
      .executeUpdate(registerEventUpdate, { args: [{ type, occurredAt, data }] });
  }

  /** Completes the stay's live task of an activity. */
  async complete(
    stayId: string,
    activityId: string,
    options: { occurredAt: string; outcome?: string },
  ): Promise<TaskState> {
    const task = await this.prisma.task.findFirst({
      where: { stayId, activityId, status: { in: ['open', 'claimed'] } },
    });
    if (!task) throw new Error(`no live ${activityId} task in stay ${stayId}`);
    return this.client.workflow
      .getHandle(stayWorkflowId(stayId))
      .executeUpdate(completeTaskUpdate, {
        args: [
          {
            taskId: task.id,
            actor: 'test-user',
            occurredAt: options.occurredAt,
            ...(options.outcome ? { outcome: options.outcome } : {}),
          },
        ],
      });
  }

  tasks(stayId: string) {
    return this.prisma.task.findMany({ where: { stayId }, orderBy: { triggeredAt: 'asc' } });
  }

  stay(stayId: string) {
    return this.prisma.stay.findUniqueOrThrow({ where: { id: stayId } });
  }

  async liveActivities(stayId: string): Promise<string[]> {
    const tasks = await this.tasks(stayId);
    return tasks
      .filter((t) => t.status === 'open' || t.status === 'claimed')
      .map((t) => t.activityId);
  }

  /**
   * Waits until every one of the stays' workflows is at rest (workflowAtRest), so that all
   * that their events and passed deadlines cause has reached PostgreSQL.
   */
  async settle(stayIds: readonly string[], timeoutMs = 30_000): Promise<void> {
    await eventually(async () => {
      const atRest = await Promise.all(
        stayIds.map((id) => workflowAtRest(this.client, stayWorkflowId(id))),
      );
      const busy = atRest.filter((rest) => !rest).length;
      if (busy > 0) throw new Error(`${busy} stays did not come to rest`);
    }, timeoutMs);
  }

  async workflowStatus(stayId: string): Promise<string> {
    const description = await this.client.workflow.getHandle(stayWorkflowId(stayId)).describe();
    return description.status.name;
  }
}

/** A timer of a workflow history and what became of it. */
export interface HistoryTimer {
  /** The TimerStarted event's id. */
  id: string;
  /**
   * When it was set to fire: the start of the workflow task that set it (workflow time, from
   * which the workflow computed the duration) plus the duration. The TimerStarted event comes
   * later, by however long that task ran.
   */
  fireAt: number;
  ended?: 'fired' | 'canceled';
}

type HistoryEvents = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>;

export function timersIn(events: HistoryEvents): HistoryTimer[] {
  const timers = new Map<string, HistoryTimer>();
  let workflowTime = 0;
  for (const event of events) {
    if (event.workflowTaskStartedEventAttributes) workflowTime = tsToMs(event.eventTime);
    const started = event.timerStartedEventAttributes;
    if (started) {
      const id = String(event.eventId);
      timers.set(id, { id, fireAt: workflowTime + tsToMs(started.startToFireTimeout) });
    }
    const fired = event.timerFiredEventAttributes;
    const canceled = event.timerCanceledEventAttributes;
    const timer = timers.get(String((fired ?? canceled)?.startedEventId));
    if (timer) timer.ended = fired ? 'fired' : 'canceled';
  }
  return [...timers.values()];
}

/**
 * Whether a workflow has nothing pending that changes the read model soon: it is closed, or it
 * has no workflow task, no activity and no timer due within 5 s.
 */
export async function workflowAtRest(client: Client, workflowId: string): Promise<boolean> {
  const handle = client.workflow.getHandle(workflowId);
  const described = await handle.describe();
  if (described.status.name !== 'RUNNING') return true;
  if ((described.raw.pendingActivities ?? []).length > 0 || described.raw.pendingWorkflowTask)
    return false;
  return timersIn((await handle.fetchHistory()).events ?? [])
    .filter((timer) => !timer.ended)
    .every((timer) => timer.fireAt > Date.now() + 5_000);
}
