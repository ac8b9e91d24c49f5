import { Injectable } from '@nestjs/common';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { KpiRepository } from '@app/persistence';

/**
 * Prometheus metrics of this API instance, in its own registry (tests run several instances
 * in one process). Labels carry lanes, categories, routes and update names: never a patient,
 * a stay or a user.
 */
const lanes = [
  'slutenvard',
  'regional_primarvard',
  'kommunal_primarvard',
  'kommunal_socialtjanst',
  'system',
] as const;

@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'utskrivning_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly temporalUpdateDuration = new Histogram({
    name: 'utskrivning_temporal_update_duration_seconds',
    help: 'Latency of Workflow Updates sent by the API, until the workflow answered',
    labelNames: ['update', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor(kpis: KpiRepository) {
    collectDefaultMetrics({ register: this.registry, prefix: 'utskrivning_api_' });
    // Read from PostgreSQL at scrape time, once for both task gauges.
    let pending: ReturnType<KpiRepository['openTaskCounts']> | undefined;
    const counts = () => {
      pending ??= kpis.openTaskCounts(new Date()).finally(() => (pending = undefined));
      return pending;
    };
    for (const [name, help, field] of [
      ['utskrivning_tasks_open', 'Open or claimed tasks per lane', 'open'],
      [
        'utskrivning_tasks_overdue',
        'Open or claimed tasks past their due time, per lane',
        'overdue',
      ],
    ] as const)
      new Gauge({
        name,
        help,
        labelNames: ['lane'] as const,
        registers: [this.registry],
        async collect() {
          const rows = await counts();
          for (const lane of lanes)
            this.set({ lane }, rows.find((r) => r.lane === lane)?.[field] ?? 0);
        },
      });
    new Gauge({
      name: 'utskrivning_deviations',
      help: 'Recorded samverkansavvikelser by category and source (manual, automatic)',
      labelNames: ['category', 'source'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of await kpis.deviationCounts())
          this.set({ category: row.category, source: row.source }, row.count);
      },
    });
  }

  /** Times every Update (and update-with-start) the API's Temporal client sends. */
  clientInterceptor(): WorkflowClientInterceptor {
    const time = async <T>(update: string, call: () => Promise<T>): Promise<T> => {
      const stop = this.temporalUpdateDuration.startTimer({ update });
      try {
        const result = await call();
        stop({ outcome: 'ok' });
        return result;
      } catch (error) {
        stop({ outcome: 'error' });
        throw error;
      }
    };
    return {
      startUpdate: (input, next) => time(input.updateName, () => next(input)),
      startUpdateWithStart: (input, next) => time(input.updateName, () => next(input)),
    };
  }
}
