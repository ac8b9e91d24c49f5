import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, loggerOptions, type AppConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthGuard } from './auth/auth.guard';
import { RateLimitGuard, rateLimitModule } from './edge/rate-limit';
import { IdempotentWriteService } from './commands/idempotent-write.service';
import { DevAuthController } from './auth/dev-auth.controller';
import { TokenService } from './auth/token.service';
import { DeviationsController } from './deviations/deviations.controller';
import { DeviationsService } from './deviations/deviations.service';
import { DocsController } from './docs/docs.controller';
import { FhirController } from './fhir/fhir.controller';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { MeController } from './me/me.controller';
import { MetricsModule } from './metrics/metrics.module';
import { MonitoringController } from './monitoring/monitoring.controller';
import { MonitoringService } from './monitoring/monitoring.service';
import { IntegrationInboxController } from './integration/integration-inbox.controller';
import { IntegrationInboxService } from './integration/integration-inbox.service';
import { ProcessDefinitionsController } from './process-definitions/process-definitions.controller';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { Hl7InboundModule } from '@app/integration';
import { StayAccessService } from './stays/stay-access.service';
import { StayReadService } from './stays/stay-read.service';
import { StaysController } from './stays/stays.controller';
import { StaysService } from './stays/stays.service';
import { TaskQueueService } from './tasks/task-queue.service';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { UnitsController } from './units/units.controller';
import { NotificationStatusController } from './notifications/notification-status.controller';
import { NotificationStatusService } from './notifications/notification-status.service';

/** The configuration this API instance was built with (validated once, by the caller). */
@Global()
@Module({})
class ApiConfigModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

@Module({})
export class AppModule {
  /** The development sign-in exists only when AUTH_MODE=dev. */
  static register(config: AppConfig): DynamicModule {
    const devControllers: Type[] = config.AUTH_MODE === 'dev' ? [DevAuthController] : [];
    return {
      module: AppModule,
      imports: [
        ApiConfigModule.register(config),
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => loggerOptions(c.LOG_LEVEL),
        }),
        PersistenceModule,
        MetricsModule,
        TemporalClientModule,
        Hl7InboundModule,
        rateLimitModule(config),
      ],
      controllers: [
        HealthController,
        DocsController,
        ProcessDefinitionsController,
        UnitsController,
        MeController,
        StaysController,
        TasksController,
        DeviationsController,
        AuditController,
        FhirController,
        IntegrationInboxController,
        MonitoringController,
        ReportsController,
        NotificationStatusController,
        ...devControllers,
      ],
      providers: [
        AuditService,
        DeviationsService,
        IdempotentWriteService,
        MonitoringService,
        NotificationStatusService,
        ReportsService,
        StayAccessService,
        IntegrationInboxService,
        StaysService,
        StayReadService,
        TaskQueueService,
        TasksService,
        TokenService,
        { provide: APP_GUARD, useClass: AuthGuard },
        // After the AuthGuard, so that the user limit knows the user.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
