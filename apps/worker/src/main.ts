import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadProcessDefinitions } from '@app/process-definition';
import { WorkerModule } from './worker.module';

/** The Temporal worker: a Nest application context without an HTTP listener. */
async function main(): Promise<void> {
  loadProcessDefinitions(); // a broken definition stops start-up here, with its reason
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}

void main().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
