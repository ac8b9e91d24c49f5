import { demoUsers } from '@app/persistence';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import request from 'supertest';
import { PrismaService, UnitRepository, UserRepository } from '@app/persistence';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { demo, signIn } from '../support/auth';
import { startApps, type RunningApps } from '../support/stack';

const expectProblem = (response: request.Response, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    status,
    type: expect.any(String),
    detail: expect.any(String),
  });
};

describe('authentication', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
  });
  afterAll(() => apps.close());

  it.each([
    ['no token', undefined],
    ['not a bearer token', 'Basic dXNlcjpwYXNz'],
    ['a malformed token', 'Bearer not.a.jwt'],
    [
      'a token signed with another key',
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vLXdhcmQtZ290ZWJvcmcifQ.c2lnbmF0dXJl',
    ],
  ])('answers 401 problem+json for %s', async (_name, header) => {
    const call = http.get('/api/v1/me');
    const response = await (header ? call.set('Authorization', header) : call);
    expectProblem(response, 401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses a dev token for a user that does not exist (422) and lists the demo users', async () => {
    const users = await http.get('/api/v1/dev/users').expect(200);
    // Every seeded demo user (six per kommun in five kommuner: ward, vårdcentral, hemsjukvård,
    // bistånd, hemtjänst, korttidsboende; three intake coordinators; a processägare); other
    // tests may add users of their own to the shared database.
    const ids = users.body.items.map((u: { id: string }) => u.id);
    expect(demoUsers).toHaveLength(34);
    expect(ids).toEqual(expect.arrayContaining(demoUsers.map((u) => u.id)));
    const roles = new Set(users.body.items.map((u: { role: string }) => u.role));
    expect(roles.size).toBe(7);
    expectProblem(await http.post('/api/v1/dev/token').send({ userId: 'nobody' }), 422);
    expectProblem(await http.post('/api/v1/dev/token').send({}), 400);
    const auth = await signIn(http, demo.processagare);
    await http.get('/api/v1/me').set(auth).expect(200);
  });

  describe('with AUTH_MODE=oidc', () => {
    let jwks: Server;
    let oidc: INestApplication;
    let api: ReturnType<typeof request>;
    let sign: (claims: Record<string, unknown>, options?: SignOptions) => Promise<string>;
    let jwksUrl: string;
    const issuer = 'https://idp.test.invalid/realms/vgr';
    const nurse = { sub: 'hsa-SE2321000131-E000000000001' };
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    interface SignOptions {
      audience?: string;
      typ?: string | null;
      key?: 'rs' | 'ed';
      expiresIn?: string | null;
    }

    beforeAll(async () => {
      const rs = await generateKeyPair('RS256');
      // Ed25519 is a sound algorithm, but not one the API pins: its tokens must be refused.
      const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const keys = [
        { ...(await exportJWK(rs.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ed.publicKey)), kid: 'k2', alg: 'EdDSA', use: 'sig' },
      ];
      jwks = createServer((_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ keys }));
      });
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      const { port } = jwks.address() as AddressInfo;
      jwksUrl = `http://127.0.0.1:${port}/jwks`;
      sign = (claims, options = {}) => {
        const ed25519 = options.key === 'ed';
        const typ = options.typ === undefined ? 'at+jwt' : options.typ;
        const jwt = new SignJWT(claims)
          .setProtectedHeader({
            alg: ed25519 ? 'EdDSA' : 'RS256',
            kid: ed25519 ? 'k2' : 'k1',
            ...(typ === null ? {} : { typ }),
          })
          .setIssuer(issuer)
          .setAudience(options.audience ?? 'utskrivningsflodet')
          .setIssuedAt();
        if (options.expiresIn !== null) jwt.setExpirationTime(options.expiresIn ?? '5m');
        return jwt.sign(ed25519 ? ed.privateKey : rs.privateKey);
      };
      const prisma = new PrismaService(process.env.DATABASE_URL ?? '');
      await new UserRepository(prisma, new UnitRepository(prisma)).upsertMany([
        {
          id: 'test-oidc-nurse',
          displayName: 'OIDC Sjuksköterska',
          role: 'ward_staff',
          oidcSubject: 'hsa-SE2321000131-E000000000001',
          unitIds: ['sv-sahlgrenska-avd-32'],
        },
      ]);
      await prisma.$disconnect();
      oidc = await createApiApp({
        ...process.env,
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: issuer,
        OIDC_JWKS_URL: jwksUrl,
        OIDC_AUDIENCE: 'utskrivningsflodet',
      });
      await oidc.init();
      api = request(oidc.getHttpServer());
    });
    afterAll(async () => {
      await oidc.close();
      await new Promise((resolve) => jwks.close(resolve));
    });

    it("accepts the provider's access token for a provisioned user", async () => {
      const token = await sign(nurse);
      const me = await api.get('/api/v1/me').set(bearer(token)).expect(200);
      expect(me.body).toMatchObject({ id: 'test-oidc-nurse', role: 'ward_staff' });
      const typed = await sign(nurse, { typ: 'application/at+jwt' });
      await api.get('/api/v1/me').set(bearer(typed)).expect(200);
    });

    it.each<[string, Record<string, unknown>, SignOptions]>([
      ['an ID token (typ JWT)', { ...nurse, nonce: 'n-0S6_WzA2Mj' }, { typ: 'JWT' }],
      ['a token without typ', nurse, { typ: null }],
      ['a token without exp', nurse, { expiresIn: null }],
      ['a token expired beyond the clock tolerance', nurse, { expiresIn: '-2m' }],
      ['a token signed with an algorithm that is not pinned (EdDSA)', nurse, { key: 'ed' }],
    ])('refuses %s (401)', async (_name, claims, options) => {
      expectProblem(await api.get('/api/v1/me').set(bearer(await sign(claims, options))), 401);
    });

    it('allows the clock tolerance on exp', async () => {
      const token = await sign(nurse, { expiresIn: '-10s' });
      await api.get('/api/v1/me').set(bearer(token)).expect(200);
    });

    describe('with OIDC_TOKEN_TYP=JWT, for providers that type every token JWT', () => {
      let lenient: INestApplication;
      beforeAll(async () => {
        lenient = await createApiApp({
          ...process.env,
          AUTH_MODE: 'oidc',
          OIDC_ISSUER: issuer,
          OIDC_JWKS_URL: jwksUrl,
          OIDC_AUDIENCE: 'utskrivningsflodet',
          OIDC_TOKEN_TYP: 'JWT',
        });
        await lenient.init();
      });
      afterAll(() => lenient.close());

      it('accepts an access token typed JWT but still refuses ID tokens', async () => {
        const lax = request(lenient.getHttpServer());
        await lax
          .get('/api/v1/me')
          .set(bearer(await sign(nurse, { typ: 'JWT' })))
          .expect(200);
        for (const marks of [{ nonce: 'abc' }, { at_hash: 'x' }, { typ: 'ID' }])
          expectProblem(
            await lax
              .get('/api/v1/me')
              .set(bearer(await sign({ ...nurse, ...marks }, { typ: 'JWT' }))),
            401,
          );
      });
    });

    it('refuses another audience, an unknown subject and dev tokens; has no dev sign-in', async () => {
      const wrong = await sign(nurse, { audience: 'someone-else' });
      expectProblem(await api.get('/api/v1/me').set(bearer(wrong)), 401);
      const stranger = await sign({ sub: 'hsa-unknown' });
      expectProblem(await api.get('/api/v1/me').set(bearer(stranger)), 403);
      const dev = await signIn(http, demo.wardGoteborg);
      expectProblem(await api.get('/api/v1/me').set(dev), 401);
      expectProblem(await api.post('/api/v1/dev/token').send({ userId: demo.wardGoteborg }), 404);
      const doc = await api.get('/docs/openapi.json').expect(200);
      expect(Object.keys(doc.body.paths)).not.toContain('/api/v1/dev/token');
    });
  });
});
