import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@app/config';

/** Paths the API itself answers; everything else may be the web UI. */
const apiPrefixes = ['/api/', '/docs', '/fhir/', '/health', '/metrics'];

/** What the browser needs to sign in: dev picker or the OIDC code flow with PKCE. */
export function webConfig(config: AppConfig, env: Record<string, string | undefined>) {
  return config.AUTH_MODE === 'oidc'
    ? {
        authMode: 'oidc' as const,
        oidc: {
          issuer: config.OIDC_ISSUER ?? '',
          clientId: env.OIDC_CLIENT_ID ?? config.OIDC_AUDIENCE ?? '',
          scope: env.OIDC_SCOPE ?? 'openid profile',
          ...(config.OIDC_AUDIENCE ? { audience: config.OIDC_AUDIENCE } : {}),
        },
      }
    : { authMode: 'dev' as const };
}

/**
 * Serves the built web UI (apps/web/dist) when WEB_DIST_DIR names it: static files, then
 * index.html for any other GET that asks for HTML (the UI routes in the browser).
 */
export function serveWebUi(
  app: NestExpressApplication,
  config: AppConfig,
  env: Record<string, string | undefined>,
): void {
  app.use('/web-config.json', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(webConfig(config, env));
  });
  const dir = env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : undefined;
  if (!dir || !existsSync(join(dir, 'index.html'))) return;
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  const index = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage =
      req.method === 'GET' &&
      !apiPrefixes.some((prefix) => req.path.startsWith(prefix)) &&
      (req.headers.accept ?? '').includes('text/html');
    if (!isPage) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
