import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { APP_CONFIG, temporalConnectionOptions, type AppConfig } from '@app/config';
import {
  ProjectionFailureRepository,
  StayRepository,
  TaskRepository,
  TimelineRepository,
  UnitRepository,
} from '@app/persistence';
import { stayDataConverter } from '@app/temporal';
import { createStayActivities } from './activities/stay.activities';
import { startHeartbeat } from './heartbeat';
import { installTemporalRuntime } from './temporal-runtime';
import { workerTracingOptions } from './tracing';
import { bundleWorkflowsInChild } from './workflow-bundle';

/**
 * A worker whose run() fails polls nothing any more: the process exits non-zero, so that its
 * supervisor (compose, Kubernetes) restarts it instead of keeping a live process that does no
 * work. A graceful shutdown resolves run() and exits normally.
 */
export function exitWhenWorkerFails(
  running: Promise<void>,
  log: (message: string) => void,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  running.catch((error: unknown) => {
    log(`Temporal worker stopped: ${(error as Error).message}`);
    exit(1);
  });
}

/** Runs the Temporal worker for the stay task queue inside the Nest application context. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stays: StayRepository,
    private readonly tasks: TaskRepository,
    private readonly timeline: TimelineRepository,
    private readonly units: UnitRepository,
    private readonly projectionFailures: ProjectionFailureRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const tracing = workerTracingOptions(this.config.OTEL_EXPORTER_OTLP_ENDPOINT);
    installTemporalRuntime({
      level: this.config.LOG_LEVEL,
      metricsBindAddress: this.config.WORKER_METRICS_BIND_ADDRESS,
    });
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.config));
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      maxCachedWorkflows: this.config.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentWorkflowTaskExecutions: this.config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      workflowBundle: await bundleWorkflowsInChild(tracing.workflowInterceptorModules),
      dataConverter: stayDataConverter(this.config),
      activities: createStayActivities({
        stays: this.stays,
        tasks: this.tasks,
        timeline: this.timeline,
        units: this.units,
        projectionFailures: this.projectionFailures,
      }),
      ...tracing.options,
    });
    this.running = this.worker.run();
    exitWhenWorkerFails(this.running, (message) => this.logger.error(message));
    this.logger.log(`Worker polling task queue "${this.config.TEMPORAL_TASK_QUEUE}"`);
    this.heartbeat = startHeartbeat(
      process.env.WORKER_HEARTBEAT_FILE,
      () => this.worker?.getState() === 'RUNNING',
    );
  }

  /** Graceful: stop polling, let running activities finish, then close the connection. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
