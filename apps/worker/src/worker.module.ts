import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfigModule, loggerOptions, type AppConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { NotificationDrainerService } from './notification-drainer.service';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerOptions(config.LOG_LEVEL),
    }),
    PersistenceModule,
  ],
  providers: [TemporalWorkerService, NotificationDrainerService],
})
export class WorkerModule {}
