import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@app/config';

/**
 * Security headers for the API and the web UI it serves (helmet). The CSP allows only this
 * origin, plus the identity provider's origin for the browser's OIDC calls (discovery, token)
 * when signing in through OIDC: no inline or foreign scripts, no framing. Styles allow
 * 'unsafe-inline' (components set style attributes); scripts do not. HSTS only in
 * production, where the API is behind TLS; a development server on http://localhost is not
 * upgraded.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const production = config.NODE_ENV === 'production';
  const identityProvider =
    config.AUTH_MODE === 'oidc' && config.OIDC_ISSUER ? [new URL(config.OIDC_ISSUER).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...identityProvider],
        formAction: ["'self'", ...identityProvider],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: production
      ? { maxAge: 63_072_000, includeSubDomains: true, preload: false }
      : false,
  });
}
