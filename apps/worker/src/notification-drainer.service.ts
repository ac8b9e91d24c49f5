import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { drainerSettings, NotificationDrainer } from '@app/notifications';
import { NotificationRepository, UnitRepository } from '@app/persistence';

/** Tells the units about their tasks: drains the notification outbox while the worker runs. */
@Injectable()
export class NotificationDrainerService
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('Notifications');
  private readonly drainer: NotificationDrainer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    outbox: NotificationRepository,
    units: UnitRepository,
  ) {
    this.drainer = new NotificationDrainer(outbox, units, drainerSettings(config), {
      log: (m) => this.logger.log(m),
      warn: (m) => this.logger.warn(m),
    });
  }

  onApplicationBootstrap(): void {
    this.drainer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.drainer.stop();
  }
}
