import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { loadApiConfig } from '@app/config';
import { AppModule } from './app.module';
import { answerClientErrorsWithProblems } from './http/client-error';
import { securityHeaders } from './edge/security-headers';
import { rejectNonJsonBodies } from './http/content-type.middleware';
import { serveWebUi } from './web/web-ui';

/**
 * Builds the HTTP application; used by main.ts and by the end-to-end tests (which may pass
 * another environment, e.g. a TEMPORAL_ADDRESS where nothing listens).
 */
export async function createApiApp(
  env: Record<string, string | undefined> = process.env,
): Promise<INestApplication> {
  const config = loadApiConfig(env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  answerClientErrorsWithProblems(app.getHttpServer());
  app.use(rejectNonJsonBodies);
  app.useBodyParser('json', { limit: '100kb', type: ['application/json', 'application/*+json'] });
  serveWebUi(app, config, env);
  app.enableShutdownHooks();
  return app;
}
