import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  Client,
  Connection,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
  type ConnectionOptions,
} from '@temporalio/client';
import { APP_CONFIG, temporalConnectionOptions, type AppConfig } from '@app/config';
import { stayDataConverter } from '@app/temporal';
import { MetricsService } from '../metrics/metrics.service';
import { apiClientInterceptors } from '../telemetry/client-interceptors';

/**
 * How long one call from the API to Temporal may take, its retries included. Without it a
 * request waits out the client's gRPC retries while Temporal is down (about 18 s) and, for an
 * Update, however long the workflow takes (a worker that died mid-task, PostgreSQL down under
 * a projection). Past it the call fails with DEADLINE_EXCEEDED, which the API answers 503 with
 * Retry-After; retrying with the same Idempotency-Key returns the Update's outcome once it has
 * one, and the Update itself is not cancelled.
 */
export const TEMPORAL_CALL_DEADLINE_MS = 10_000;

type GrpcInterceptor = NonNullable<ConnectionOptions['interceptors']>[number];

/** Outermost, so that the deadline bounds the retries too. */
const callDeadline: GrpcInterceptor = (options, nextCall) =>
  nextCall({
    ...options,
    deadline: options.deadline ?? Date.now() + TEMPORAL_CALL_DEADLINE_MS,
  }) as ReturnType<GrpcInterceptor>;

/**
 * Provides one Temporal Client to the API. The connection is lazy, so the API starts
 * (and answers 503) while Temporal is still coming up or is down. Address, TLS, mTLS and API
 * key come from the configuration (TEMPORAL_*), the same as the worker's.
 */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [APP_CONFIG, MetricsService],
      useFactory: (config: AppConfig, metrics: MetricsService) =>
        new Client({
          connection: Connection.lazy({
            ...temporalConnectionOptions(config),
            // The client's default retries, inside the deadline.
            interceptors: [callDeadline, makeGrpcRetryInterceptor(defaultGrpcRetryOptions())],
          }),
          namespace: config.TEMPORAL_NAMESPACE,
          dataConverter: stayDataConverter(config),
          interceptors: { workflow: apiClientInterceptors(config, metrics) },
        }),
    },
  ],
  exports: [Client],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
