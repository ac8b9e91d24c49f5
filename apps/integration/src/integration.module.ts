import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfigModule, loggerOptions, type AppConfig } from '@app/config';
import { Hl7InboundModule } from '@app/integration';
import { PersistenceModule } from '@app/persistence';
import { MllpListener } from './mllp-listener.service';
import { MappedUnitsCheck } from './mapped-units.check';
import { IntegrationTemporalModule } from './temporal-client.module';

/** The inbound integration app: the HL7 v2 listener, scaled apart from the API. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerOptions(config.LOG_LEVEL),
    }),
    PersistenceModule,
    IntegrationTemporalModule,
    Hl7InboundModule,
  ],
  providers: [MappedUnitsCheck, MllpListener],
})
export class IntegrationModule {}
