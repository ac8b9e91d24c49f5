import type { AppConfig } from '@app/config';
import { webConfig } from './web-ui';

describe('the web UI configuration', () => {
  it('tells the browser to offer the demo users in development', () => {
    expect(webConfig({ AUTH_MODE: 'dev' } as AppConfig, {})).toEqual({ authMode: 'dev' });
  });

  it('hands the browser the OIDC settings, never a secret', () => {
    const config = {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://idp.example.se/realms/vgr',
      OIDC_AUDIENCE: 'utskrivning-api',
    } as AppConfig;
    expect(webConfig(config, { OIDC_CLIENT_ID: 'utskrivning-web' })).toEqual({
      authMode: 'oidc',
      oidc: {
        issuer: 'https://idp.example.se/realms/vgr',
        clientId: 'utskrivning-web',
        scope: 'openid profile',
        audience: 'utskrivning-api',
      },
    });
  });
});
