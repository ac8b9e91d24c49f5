import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadProcessDefinitions } from '@app/process-definition';
import { IntegrationModule } from './integration.module';

/** The HL7 v2 listener: a Nest application context with an MLLP server, no HTTP. */
async function main(): Promise<void> {
  loadProcessDefinitions();
  const app = await NestFactory.createApplicationContext(IntegrationModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

void main().catch((error: unknown) => {
  process.stderr.write(`Integration listener failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
