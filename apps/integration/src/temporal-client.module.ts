import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, temporalConnectionOptions, type AppConfig } from '@app/config';
import { boundedCallInterceptors, stayDataConverter } from '@app/temporal';

/**
 * The listener's Temporal Client: lazy (the listener starts, and answers AE asking for a
 * resend, while Temporal is down), each call bounded like the API's.
 */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Client({
          connection: Connection.lazy({
            ...temporalConnectionOptions(config),
            interceptors: boundedCallInterceptors(),
          }),
          namespace: config.TEMPORAL_NAMESPACE,
          dataConverter: stayDataConverter(config),
        }),
    },
  ],
  exports: [Client],
})
export class IntegrationTemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
