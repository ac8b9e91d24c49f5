import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { PrismaService } from './prisma.service';
import { StayRepository } from './repositories/stay.repository';
import { TaskRepository } from './repositories/task.repository';
import { TimelineRepository } from './repositories/timeline.repository';
import { UnitRepository } from './repositories/unit.repository';

const repositories = [StayRepository, TaskRepository, TimelineRepository, UnitRepository];

@Global()
@Module({
  providers: [
    {
      provide: PrismaService,
      useFactory: (config: AppConfig) => new PrismaService(config.DATABASE_URL),
      inject: [APP_CONFIG],
    },
    ...repositories,
  ],
  exports: [PrismaService, ...repositories],
})
export class PersistenceModule {}
