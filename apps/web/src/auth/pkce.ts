/**
 * The OpenID Connect authorization code flow with PKCE (RFC 7636), done in the browser:
 * a random verifier, its S256 challenge, the authorization URL and the token request.
 * Pure apart from the randomness and WebCrypto, which are passed in or global.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  audience?: string;
}

export interface OidcEndpoints {
  authorization_endpoint: string;
  token_endpoint: string;
}

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes → a 43-character verifier (RFC 7636 allows 43–128 unreserved characters). */
export function randomVerifier(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  return base64Url(random(new Uint8Array(32)));
}

export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

export function authorizationUrl(
  endpoints: OidcEndpoints,
  settings: OidcSettings,
  request: { redirectUri: string; state: string; nonce: string; challenge: string },
): string {
  const url = new URL(endpoints.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('state', request.state);
  url.searchParams.set('nonce', request.nonce);
  url.searchParams.set('code_challenge', request.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (settings.audience) url.searchParams.set('audience', settings.audience);
  return url.toString();
}

/** The body of the token request that redeems the code with the verifier. */
export function tokenRequestBody(
  settings: OidcSettings,
  request: { code: string; redirectUri: string; verifier: string },
): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code: request.code,
    redirect_uri: request.redirectUri,
    client_id: settings.clientId,
    code_verifier: request.verifier,
  });
}

/** The callback's query: the code when the state matches, otherwise an error to show. */
export function readCallback(
  search: string,
  expectedState: string | null,
): { code: string } | { error: string } {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (error) return { error: params.get('error_description') ?? error };
  const code = params.get('code');
  if (!code) return { error: 'missing code' };
  if (!expectedState || params.get('state') !== expectedState) return { error: 'state mismatch' };
  return { code };
}
