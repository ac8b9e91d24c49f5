import { applyMigrations, type MigrationResult } from './migrations/migrator';
import { PrismaService } from './prisma.service';
import { NotificationRepository } from './repositories/notification.repository';
import { UnitRepository } from './repositories/unit.repository';
import { UserRepository } from './repositories/user.repository';
import { demoNotificationChannels } from './seed/demo-notification-channels';
import { demoUnits } from './seed/demo-units';
import { demoUsers } from './seed/demo-users';

/**
 * Migrates the database and loads the demo units, users and notification channels; both steps
 * are idempotent.
 */
export async function prepareDatabase(
  databaseUrl: string,
  migrationsDir: string,
  options: { seed: boolean },
): Promise<MigrationResult> {
  const result = await applyMigrations(databaseUrl, migrationsDir);
  if (options.seed) {
    const prisma = new PrismaService(databaseUrl);
    try {
      await new UnitRepository(prisma).upsertMany(demoUnits);
      await new UserRepository(prisma, new UnitRepository(prisma)).upsertMany(demoUsers);
      await new NotificationRepository(prisma).addMissingChannels(demoNotificationChannels);
    } finally {
      await prisma.$disconnect();
    }
  }
  return result;
}
