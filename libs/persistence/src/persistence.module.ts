import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { PrismaService } from './prisma.service';
import { StayRepository } from './repositories/stay.repository';
import { TaskRepository } from './repositories/task.repository';
import { TimelineRepository } from './repositories/timeline.repository';
import { UnitRepository } from './repositories/unit.repository';
import { AuditRepository } from './repositories/audit.repository';
import { IdempotencyRepository } from './repositories/idempotency';
import { DeviationRepository } from './repositories/deviation.repository';
import { StayQueryRepository } from './repositories/stay-query.repository';
import { TaskQueryRepository } from './repositories/task-query.repository';
import { UserRepository } from './repositories/user.repository';
import { KpiRepository } from './repositories/kpi.repository';
import { ReportRepository } from './repositories/report.repository';
import { IntegrationRepository } from './repositories/integration.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { ProjectionFailureRepository } from './repositories/projection-failure.repository';
import { NotificationStatusRepository } from './repositories/notification-status.repository';

const repositories = [
  StayRepository,
  TaskRepository,
  TimelineRepository,
  UnitRepository,
  IntegrationRepository,
  NotificationRepository,
  ProjectionFailureRepository,
];
const apiRepositories = [
  AuditRepository,
  DeviationRepository,
  IdempotencyRepository,
  StayQueryRepository,
  TaskQueryRepository,
  UserRepository,
  KpiRepository,
  ReportRepository,
  NotificationStatusRepository,
];

@Global()
@Module({
  providers: [
    {
      provide: PrismaService,
      useFactory: (config: AppConfig) => new PrismaService(config.DATABASE_URL),
      inject: [APP_CONFIG],
    },
    ...repositories,
    ...apiRepositories,
  ],
  exports: [PrismaService, ...repositories, ...apiRepositories],
})
export class PersistenceModule {}
