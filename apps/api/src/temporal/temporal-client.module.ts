import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, temporalConnectionOptions, type AppConfig } from '@app/config';
import { boundedCallInterceptors, stayDataConverter } from '@app/temporal';
import { MetricsService } from '../metrics/metrics.service';
import { apiClientInterceptors } from '../telemetry/client-interceptors';

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
            interceptors: boundedCallInterceptors(),
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
