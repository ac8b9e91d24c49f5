import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The production stack's Temporal and PostgreSQL parts and its edges (issue 16 and issue 13,
 * findings 6 and 8), checked statically since no Docker engine runs here: the Temporal server
 * image with its schema set up by the admin tools, no development-only image, the Temporal UI
 * read-only and unpublished, a PostgreSQL role per party, and /metrics off the public ports.
 */
const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  entrypoint?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number>;
  volumes?: string[];
  networks?: string[];
  ports?: string[];
  restart?: string;
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, Service>;
  networks?: Record<string, { internal?: boolean } | null>;
};
const services = compose.services;
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
/** The repository file mounted at a path inside a service's container. */
const mounted = (name: string, target: string): string => {
  const volume = service(name).volumes?.find((v) => v.split(':')[1] === target);
  if (!volume) throw new Error(`${name} mounts nothing at ${target}`);
  return read(volume.split(':')[0] ?? '');
};
const env = (name: string, key: string) => String(service(name).environment?.[key]);

describe('the compose stack: Temporal', () => {
  const serverImage = /^temporalio\/server:(\d+\.\d+\.\d+)$/;

  it('runs the Temporal server image pinned to a release, never the development auto-setup', () => {
    for (const [name, s] of Object.entries(services))
      expect([name, s.image ?? '']).not.toEqual([name, expect.stringContaining('auto-setup')]);
    expect(service('temporal').image).toMatch(serverImage);
  });

  it('sets the schema up with the same release of the admin tools, as a one-shot job first', () => {
    const version = serverImage.exec(service('temporal').image ?? '')?.[1];
    for (const job of ['temporal-schema', 'temporal-namespace']) {
      expect(service(job).image).toBe(`temporalio/admin-tools:${version}`);
      expect(service(job).restart).toBe('no');
    }
    expect(service('temporal').depends_on?.['temporal-schema']).toEqual({
      condition: 'service_completed_successfully',
    });
    const script = mounted('temporal-schema', service('temporal-schema').entrypoint?.[1] ?? '');
    expect(script).toMatch(/^set -eu$/m);
    for (const step of ['create-database', 'setup-schema --version 0.0', 'update-schema'])
      expect(script).toContain(`temporal-sql-tool --database "$db" ${step}`);
    // Both stores: the default one and visibility, each with its own schema.
    expect(script).toContain('temporal:temporal');
    expect(script).toContain('temporal_visibility:visibility');
    expect(script).toContain('postgresql/v12/');
    expect(env('temporal', 'DBNAME')).toBe('temporal');
    expect(env('temporal', 'VISIBILITY_DBNAME')).toBe('temporal_visibility');
  });

  it('registers the namespace the apps use, once the server serves, before any app starts', () => {
    const script = mounted(
      'temporal-namespace',
      service('temporal-namespace').entrypoint?.[1] ?? '',
    );
    expect(script).toContain('temporal operator cluster health');
    expect(script).toContain('temporal operator namespace create');
    expect(env('temporal-namespace', 'TEMPORAL_NAMESPACE')).toBe(env('api', 'TEMPORAL_NAMESPACE'));
    for (const app of ['worker', 'api', 'integration'])
      expect([app, service(app).depends_on?.['temporal-namespace']]).toEqual([
        app,
        { condition: 'service_completed_successfully' },
      ]);
  });

  it('keeps the Temporal UI read-only and on the internal network, with no published port', () => {
    const ui = service('temporal-ui');
    expect(ui.environment?.TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
    expect(ui.ports ?? []).toEqual([]);
    expect(ui.networks).toEqual(['backend']);
    expect(compose.networks?.backend?.internal).toBe(true);
    for (const name of ['postgres', 'temporal', 'temporal-schema', 'temporal-namespace'])
      expect([name, service(name).networks, service(name).ports ?? []]).toEqual([
        name,
        ['backend'],
        [],
      ]);
  });
});

describe('the compose stack: PostgreSQL roles', () => {
  const userOf = (url: string) => new URL(url.replace(/\$\{[^}]*\}/g, 'secret')).username;

  it('gives the apps and Temporal roles of their own, and the superuser to no other service', () => {
    const superuser = env('postgres', 'POSTGRES_USER');
    const appUsers = new Set(
      Object.values(services)
        .map((s) => s.environment?.DATABASE_URL)
        .filter((url): url is string => typeof url === 'string')
        .map(userOf),
    );
    expect([...appUsers]).toEqual(['utskrivning']);
    const temporalUsers = new Set([
      env('temporal', 'POSTGRES_USER'),
      env('temporal-schema', 'SQL_USER'),
    ]);
    expect([...temporalUsers]).toEqual(['temporal']);
    expect(appUsers.has(superuser) || temporalUsers.has(superuser)).toBe(false);
    // The superuser's password stays inside the postgres service.
    for (const [name, s] of Object.entries(services))
      if (name !== 'postgres')
        for (const [key, value] of Object.entries(s.environment ?? {}))
          expect([name, key, String(value)]).not.toEqual([
            name,
            key,
            expect.stringContaining('${POSTGRES_PASSWORD'),
          ]);
    // Each role's password is its own.
    expect(env('temporal', 'POSTGRES_PWD')).not.toBe(env('postgres', 'POSTGRES_PASSWORD'));
    expect(env('temporal', 'POSTGRES_PWD')).toBe(env('postgres', 'TEMPORAL_DB_PASSWORD'));
    expect(String(services.api?.environment?.DATABASE_URL)).toContain(
      env('postgres', 'UTSKRIVNING_DB_PASSWORD'),
    );
  });

  it('creates the roles on first start, neither a superuser nor able to create roles', () => {
    const initdb = service('postgres').volumes?.find((v) =>
      v.includes(':/docker-entrypoint-initdb.d:'),
    );
    expect(initdb).toBeDefined();
    const script = read(join(initdb?.split(':')[0] ?? '', '10-roles.sh'));
    expect(script).toMatch(/^set -eu$/m);
    expect(script).toContain('ON_ERROR_STOP=1');
    const roles = [...script.matchAll(/CREATE ROLE (\w+) ([^;]+);/g)].map(([, role, rest]) => ({
      role,
      rest,
    }));
    expect(roles.map((r) => r.role).sort()).toEqual(['temporal', 'utskrivning']);
    for (const { rest } of roles) {
      expect(rest).toContain('NOSUPERUSER');
      expect(rest).toContain('NOCREATEROLE');
      // Passwords reach psql as variables, never written into the script.
      expect(rest).toMatch(/PASSWORD :'\w+'/);
    }
    expect(roles.find((r) => r.role === 'utskrivning')?.rest).toContain('NOCREATEDB');
    expect(script).toContain('CREATE DATABASE utskrivning OWNER utskrivning;');
    expect(script).toContain('REVOKE ALL ON DATABASE utskrivning FROM PUBLIC;');
  });
});

describe('the compose stack: public ports', () => {
  it('publishes only the web origin and the MLLP listener; the API and its /metrics stay inside', () => {
    const published = Object.entries(services)
      .filter(([, s]) => (s.ports ?? []).length > 0)
      .map(([name]) => name)
      .sort();
    expect(published).toEqual(['integration', 'web']);
    expect(service('api').ports ?? []).toEqual([]);
    // The web origin proxies the API's public paths and answers /metrics itself (404).
    expect(read('apps/web/nginx.conf.template')).toMatch(/location = \/metrics \{[^}]*return 404/);
  });
});
