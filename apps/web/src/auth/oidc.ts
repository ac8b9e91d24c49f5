import {
  authorizationUrl,
  challengeOf,
  discoveryUrl,
  randomVerifier,
  readCallback,
  tokenRequestBody,
  type OidcEndpoints,
  type OidcSettings,
} from './pkce';

const redirectUri = () => `${window.location.origin}/auth/callback`;

async function endpoints(settings: OidcSettings): Promise<OidcEndpoints> {
  const response = await fetch(discoveryUrl(settings.issuer));
  if (!response.ok) throw new Error(`discovery ${response.status}`);
  return (await response.json()) as OidcEndpoints;
}

/** Starts the code flow: keeps verifier and state for the callback, goes to the provider. */
export async function startOidcSignIn(settings: OidcSettings): Promise<void> {
  const verifier = randomVerifier();
  const state = randomVerifier();
  sessionStorage.setItem('oidc', JSON.stringify({ verifier, state }));
  const url = authorizationUrl(await endpoints(settings), settings, {
    redirectUri: redirectUri(),
    state,
    nonce: randomVerifier(),
    challenge: await challengeOf(verifier),
  });
  window.location.assign(url);
}

/** The callback: checks the state, redeems the code, returns the access token. */
export async function finishOidcSignIn(settings: OidcSettings, search: string): Promise<string> {
  const stored = JSON.parse(sessionStorage.getItem('oidc') ?? '{}') as {
    verifier?: string;
    state?: string;
  };
  sessionStorage.removeItem('oidc');
  const result = readCallback(search, stored.state ?? null);
  if ('error' in result) throw new Error(result.error);
  const response = await fetch((await endpoints(settings)).token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: tokenRequestBody(settings, {
      code: result.code,
      redirectUri: redirectUri(),
      verifier: stored.verifier ?? '',
    }),
  });
  if (!response.ok) throw new Error(`token ${response.status}`);
  const tokens = (await response.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error('no access_token');
  return tokens.access_token;
}
