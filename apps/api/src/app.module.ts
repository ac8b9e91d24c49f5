import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfigModule, loggerOptions, type AppConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { ProcessDefinitionsController } from './process-definitions/process-definitions.controller';
import { StaysController } from './stays/stays.controller';
import { StaysService } from './stays/stays.service';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { UnitsController } from './units/units.controller';

@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerOptions(config.LOG_LEVEL),
    }),
    PersistenceModule,
    TemporalClientModule,
  ],
  controllers: [
    HealthController,
    ProcessDefinitionsController,
    StaysController,
    TasksController,
    UnitsController,
  ],
  providers: [StaysService, TasksService, { provide: APP_FILTER, useClass: ProblemFilter }],
})
export class AppModule {}
