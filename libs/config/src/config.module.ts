import { Global, Module } from '@nestjs/common';
import { loadConfigOrExit } from './config';

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfigOrExit() }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
