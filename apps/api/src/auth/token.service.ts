import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AppError } from '@app/domain';

const DEV_ISSUER = 'urn:utskrivningsflodet:dev-sign-in';
const DEV_AUDIENCE = 'utskrivningsflodet-api';
export const DEV_TOKEN_LIFETIME_SECONDS = 8 * 3600;

/**
 * The provider's signature algorithms we accept: asymmetric only, so a token can never be
 * "signed" with a public key as an HMAC secret, and no `none`.
 */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
];

/** Claims only an ID token carries (OpenID Connect Core 2, 3.1.3.6; Keycloak's typ "ID"). */
const looksLikeIdToken = (payload: JWTPayload): boolean =>
  payload.nonce !== undefined ||
  payload.at_hash !== undefined ||
  payload.c_hash !== undefined ||
  payload.typ === 'ID';

/**
 * Bearer tokens. With AUTH_MODE=dev the API signs its own (HS256, key derived from
 * PATIENT_KEY_SECRET) for the seeded demo users; with oidc it verifies the identity provider's
 * access tokens against its JWKS: issuer, audience, an `exp` that is required, a pinned list of
 * asymmetric algorithms, the `typ` header (OIDC_TOKEN_TYP) and a small clock tolerance.
 */
@Injectable()
export class TokenService {
  private readonly devKey: Uint8Array;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.devKey = createHmac('sha256', config.PATIENT_KEY_SECRET)
      .update('utskrivningsflodet dev sign-in tokens')
      .digest();
    this.jwks =
      config.AUTH_MODE === 'oidc' && config.OIDC_JWKS_URL
        ? createRemoteJWKSet(new URL(config.OIDC_JWKS_URL), { timeoutDuration: 5000 })
        : undefined;
  }

  /** Development sign-in only: a token for a demo user. */
  async signDevToken(userId: string): Promise<string> {
    if (this.config.AUTH_MODE !== 'dev') throw AppError.notFound('Development sign-in is off');
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${DEV_TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.devKey);
  }

  /** The user the token names: a user id (dev) or the identity provider's subject (oidc). */
  async verify(token: string): Promise<{ mode: 'dev' | 'oidc'; subject: string }> {
    const payload = await this.verifyPayload(token);
    const claim = this.config.AUTH_MODE === 'dev' ? 'sub' : this.config.OIDC_USER_CLAIM;
    const subject = payload[claim];
    if (typeof subject !== 'string' || subject.length === 0)
      throw AppError.unauthenticated(`The token has no ${claim} claim`);
    return { mode: this.config.AUTH_MODE, subject };
  }

  private async verifyPayload(token: string): Promise<JWTPayload> {
    try {
      if (this.config.AUTH_MODE === 'dev') {
        const { payload } = await jwtVerify(token, this.devKey, {
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          algorithms: ['HS256'],
        });
        return payload;
      }
      if (!this.jwks || !this.config.OIDC_ISSUER || !this.config.OIDC_AUDIENCE)
        throw new Error('OIDC is not configured');
      const strictType = this.config.OIDC_TOKEN_TYP === 'at+jwt';
      const { payload, protectedHeader } = await jwtVerify(token, this.jwks, {
        issuer: this.config.OIDC_ISSUER,
        audience: this.config.OIDC_AUDIENCE,
        algorithms: OIDC_ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: this.config.OIDC_CLOCK_TOLERANCE_SECONDS,
        ...(strictType ? { typ: 'at+jwt' } : {}),
      });
      const typ = protectedHeader.typ;
      if (!strictType && typ !== undefined && !/^(application\/)?(jwt|at\+jwt)$/i.test(typ))
        throw AppError.unauthenticated('The bearer token is not an access token');
      if (looksLikeIdToken(payload))
        throw AppError.unauthenticated('An ID token is not an access token');
      return payload;
    } catch (error) {
      if (error instanceof errors.JWKSTimeout)
        throw AppError.unavailable('The identity provider is unavailable; try again shortly');
      if (error instanceof errors.JOSEError)
        throw AppError.unauthenticated('The bearer token is not valid');
      if (error instanceof AppError) throw error;
      // The JWKS could not be fetched (network): the provider, not the token, is at fault.
      throw AppError.unavailable('The identity provider is unavailable; try again shortly');
    }
  }
}
