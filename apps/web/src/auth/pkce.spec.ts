import {
  authorizationUrl,
  base64Url,
  challengeOf,
  discoveryUrl,
  randomVerifier,
  readCallback,
  tokenRequestBody,
} from './pkce';

const settings = {
  issuer: 'https://idp.example.se/realms/vgr',
  clientId: 'utskrivning-web',
  scope: 'openid profile',
};
const endpoints = {
  authorization_endpoint: 'https://idp.example.se/realms/vgr/protocol/openid-connect/auth',
  token_endpoint: 'https://idp.example.se/realms/vgr/protocol/openid-connect/token',
};

describe('PKCE and the OIDC code flow', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    await expect(challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes a 43-character URL-safe verifier from 32 random bytes', () => {
    const verifier = randomVerifier((b) => b.fill(255));
    expect(verifier).toHaveLength(43);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(base64Url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('builds the authorization URL with the challenge, state and nonce', () => {
    const url = new URL(
      authorizationUrl(
        endpoints,
        { ...settings, audience: 'utskrivning-api' },
        {
          redirectUri: 'https://app.example.se/auth/callback',
          state: 's-1',
          nonce: 'n-1',
          challenge: 'c-1',
        },
      ),
    );
    expect(url.origin + url.pathname).toBe(endpoints.authorization_endpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'utskrivning-web',
      redirect_uri: 'https://app.example.se/auth/callback',
      scope: 'openid profile',
      state: 's-1',
      nonce: 'n-1',
      code_challenge: 'c-1',
      code_challenge_method: 'S256',
      audience: 'utskrivning-api',
    });
  });

  it('finds the discovery document under the issuer', () => {
    expect(discoveryUrl('https://idp.example.se/realms/vgr/')).toBe(
      'https://idp.example.se/realms/vgr/.well-known/openid-configuration',
    );
  });

  it('redeems the code with the verifier', () => {
    const body = tokenRequestBody(settings, {
      code: 'abc',
      redirectUri: 'https://x/cb',
      verifier: 'v',
    });
    expect(body.toString()).toBe(
      'grant_type=authorization_code&code=abc&redirect_uri=https%3A%2F%2Fx%2Fcb&client_id=utskrivning-web&code_verifier=v',
    );
  });

  it('accepts the callback only with the state it sent', () => {
    expect(readCallback('?code=abc&state=s-1', 's-1')).toEqual({ code: 'abc' });
    expect(readCallback('?code=abc&state=evil', 's-1')).toEqual({ error: 'state mismatch' });
    expect(readCallback('?error=access_denied', 's-1')).toEqual({ error: 'access_denied' });
    expect(readCallback('?state=s-1', 's-1')).toEqual({ error: 'missing code' });
  });
});
