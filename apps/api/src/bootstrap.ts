import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { rejectNonJsonBodies } from './http/content-type.middleware';

/** Builds the HTTP application; used by main.ts and by the end-to-end tests. */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(rejectNonJsonBodies);
  app.useBodyParser('json', { limit: '100kb', type: ['application/json', 'application/*+json'] });
  app.enableShutdownHooks();
  return app;
}
