import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '@app/config';

/**
 * docker-compose.yml cannot be run here (no Docker engine), so its consistency is checked:
 * references resolve, long-running services have health checks, each app's command names a
 * file the build produces, and each app's environment passes our own configuration check.
 */
const root = join(__dirname, '..', '..');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  restart?: string;
}

const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };
const services = compose.services;

/** ${VAR:?message} and ${VAR:-default} as docker compose would fill them in, with test values. */
function interpolate(value: string | number): string {
  return String(value).replace(
    /\$\{(\w+)(:[?-])?([^}]*)\}/g,
    (_, name: string, op?: string, rest?: string) => {
      if (op === ':-') return rest ?? '';
      const examples: Record<string, string> = {
        PATIENT_KEY_SECRET: 'x'.repeat(40),
        PAYLOAD_CODEC_KEY: Buffer.alloc(32, 1).toString('base64'),
        OIDC_ISSUER: 'https://idp.example.se/realms/vgr',
        OIDC_JWKS_URL: 'https://idp.example.se/realms/vgr/protocol/openid-connect/certs',
      };
      return examples[name] ?? 'example';
    },
  );
}

describe('docker-compose.yml', () => {
  it('has the production-like stack', () => {
    expect(Object.keys(services).sort()).toEqual(
      expect.arrayContaining(['api', 'migrate', 'postgres', 'temporal', 'temporal-ui', 'worker']),
    );
  });

  it('depends only on services that exist, waiting for health or completion', () => {
    for (const [name, service] of Object.entries(services))
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency]).toBeDefined();
        if (condition === 'service_healthy')
          expect(services[dependency]?.healthcheck).toBeDefined();
        else expect([name, condition]).toEqual([name, 'service_completed_successfully']);
      }
  });

  it('gives every long-running service a health check', () => {
    for (const [name, service] of Object.entries(services))
      if (service.restart !== 'no')
        expect([name, service.healthcheck?.test.length ?? 0]).not.toEqual([name, 0]);
  });

  it('runs apps the build produces', () => {
    const build = readFileSync(join(root, 'tools', 'build.cjs'), 'utf8');
    for (const service of Object.values(services).filter((s) => s.build)) {
      expect(existsSync(join(root, service.build ?? '', 'Dockerfile'))).toBe(true);
      const main = service.command?.find((part) => part.startsWith('dist/'));
      const app = main?.match(/^dist\/(apps\/[\w-]+\/src)\/main\.js$/)?.[1];
      expect(app).toBeDefined();
      expect(existsSync(join(root, `${app}/main.ts`))).toBe(true);
      expect(build).toContain(`'${app}'`);
    }
  });

  it.each(['api', 'worker'])(
    'gives %s an environment that passes the configuration check',
    (name) => {
      const environment = Object.fromEntries(
        Object.entries(services[name]?.environment ?? {}).map(([k, v]) => [k, interpolate(v)]),
      );
      const config = loadConfig(environment);
      expect(config).toMatchObject({ NODE_ENV: 'production', AUTH_MODE: 'oidc' });
      expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
    },
  );
});
