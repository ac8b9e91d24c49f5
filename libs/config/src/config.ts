import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';

/** A path to a file this process can read (certificates and keys mounted from a secret). */
const readableFile = z.string().refine((path) => {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}, 'must name a readable file');

/** Every setting the apps read from the environment, validated once at start-up. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string({ error: 'is required (postgresql://user@host:port/database)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .refine((v) => URL.canParse(v), 'must be a valid URL (user:password@host:port/database)'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('stays'),
  /**
   * TLS to Temporal (a secured cluster, Temporal Cloud). Implied by any setting below; `true`
   * alone is TLS with the system's trusted CAs. The names are those of Temporal's own
   * environment configuration (the CLI and the SDKs' envconfig).
   */
  TEMPORAL_TLS: z.enum(['true', 'false'], 'must be true or false').optional(),
  /** mTLS: the client certificate (PEM) and its private key, e.g. mounted from a secret. */
  TEMPORAL_TLS_CLIENT_CERT_PATH: readableFile.optional(),
  TEMPORAL_TLS_CLIENT_KEY_PATH: readableFile.optional(),
  /** The CA that signed the server's certificate, when it is not publicly trusted. */
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: readableFile.optional(),
  /** Overrides the name checked against the server's certificate (SNI). */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** A Temporal Cloud API key (the alternative to a client certificate); sent over TLS. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  /** Secret for the keyed hash that links a patient's stays without revealing the personnummer. */
  PATIENT_KEY_SECRET: z
    .string({ error: 'is required (at least 32 characters of random text)' })
    .min(32, 'must be at least 32 characters'),
  /** AES-256-GCM key for Temporal payloads: base64 of 32 random bytes. */
  PAYLOAD_CODEC_KEY: z
    .string({ error: 'is required (base64 of 32 random bytes)' })
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of exactly 32 bytes'),
  /** Names the key in each encrypted payload, so keys can be rotated. */
  PAYLOAD_CODEC_KEY_ID: z
    .string()
    .regex(/^[\w.-]{1,40}$/, 'must be a short key id')
    .default('k1'),
  /** Older keys still needed to read existing histories: "id:base64,id:base64". */
  PAYLOAD_CODEC_PREVIOUS_KEYS: z
    .string()
    .regex(/^([\w.-]+:[A-Za-z0-9+/=]+)(,[\w.-]+:[A-Za-z0-9+/=]+)*$/, 'must be id:base64,…')
    .optional(),
  /**
   * Only while migrating histories written before payload encryption: accept payloads that
   * are not encrypted. Otherwise (the default) such a payload is refused, so nothing written
   * to a stay without the key (from the Temporal UI or CLI) is taken as the stay's data.
   */
  PAYLOAD_CODEC_ALLOW_PLAINTEXT: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false'),
  /** How long before a task's due time its unit is reminded (new stays take it at admission). */
  TASK_REMINDER_BEFORE_DUE_HOURS: z.coerce.number().min(0).max(720).default(4),
  /** How long after its due time an overdue task is escalated to the unit's lead. */
  TASK_ESCALATION_AFTER_DUE_HOURS: z.coerce.number().min(0).max(720).default(24),
  /**
   * Worker: how many stay workflows it keeps in memory between their workflow tasks
   * (Temporal's sticky cache, about 0.2 MB each). A stay not in it is replayed from its short
   * history when it next wakes, which a deadline 24 h after its event always is, whatever the
   * cache size. 250 covers the stays being worked on right now (admission, events,
   * completions in the same minutes) and keeps a worker with 10 000 open stays small; the
   * SDK's default grows with the V8 heap limit (2 300 on a 4 GB heap, some 500 MB when full).
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(250),
  /** Worker: workflow tasks run at once (the SDK's default; at most the cache size). */
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(1000).default(40),
  /**
   * Worker: where it serves the Temporal SDK's metrics for Prometheus (host:port, e.g.
   * 0.0.0.0:9464, path /metrics). Unset: no metrics endpoint. Keep it on the internal network.
   */
  WORKER_METRICS_BIND_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port, e.g. 0.0.0.0:9464')
    .optional(),
  /** API: requests a minute per signed-in user before 429 (Retry-After). */
  RATE_LIMIT_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(600),
  /** API: requests a minute per client IP (a hospital's staff may share one address). */
  RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(6000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * How the API authenticates: `oidc` (the default, whatever NODE_ENV says) verifies bearer
   * tokens from the region's identity provider; `dev` signs the API's own tokens for the
   * seeded demo users without any credential, so it must be asked for explicitly and is
   * refused at start-up unless NODE_ENV is explicitly development or test. `npm start` and
   * the test stacks set it.
   */
  AUTH_MODE: z.enum(['dev', 'oidc']).default('oidc'),
  /** The identity provider's issuer (the `iss` of its tokens); required with AUTH_MODE=oidc. */
  OIDC_ISSUER: z.url('must be a URL, e.g. https://idp.example.se/realms/vgr').optional(),
  /**
   * Where the provider publishes its signing keys (JWKS); required with AUTH_MODE=oidc, and
   * https unless NODE_ENV is development or test (keys fetched in plain http can be swapped).
   */
  OIDC_JWKS_URL: z.url("must be a URL to the provider's JWKS").optional(),
  /** The `aud` the API's tokens carry; required with AUTH_MODE=oidc. */
  OIDC_AUDIENCE: z.string().min(1).optional(),
  /** The token claim that names the user (matched against app_user.oidc_subject). */
  OIDC_USER_CLAIM: z.string().min(1).default('sub'),
  /**
   * The `typ` header the provider puts on access tokens. `at+jwt` (RFC 9068, the default)
   * accepts only tokens typed as access tokens, so an ID token handed to the API is refused.
   * `JWT` is for providers that type every token `JWT` (e.g. Keycloak, Entra ID): then the
   * header may say `JWT` or `at+jwt` or be absent, and a token that carries an ID token's marks (`nonce`,
   * `at_hash`, `c_hash`, or Keycloak's `typ: "ID"` claim) is still refused.
   */
  OIDC_TOKEN_TYP: z.enum(['at+jwt', 'JWT'], 'must be at+jwt or JWT').default('at+jwt'),
  /** Seconds of clock skew allowed on `exp`, `nbf` and `iat` (kept small: at most 5 minutes). */
  OIDC_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /**
   * Betalningsansvar: the daily amount per UK day, from a year on ("2019:7800,2022:9300").
   * A year without its own amount uses the latest earlier one, and the report says so.
   */
  BETALNINGSANSVAR_DAILY_AMOUNTS: z
    .string()
    .regex(/^\d{4}:\d+(,\d{4}:\d+)*$/, 'must be year:kronor,…, e.g. 2019:7800,2022:9300')
    .default('2019:7800,2022:9300'),
  /** The HL7 v2 listener's port (MLLP); 2575 is HL7's registered port. */
  MLLP_PORT: z.coerce.number().int().min(0).max(65535).default(2575),
  /** The largest HL7 message the listener takes; a bigger one is refused with AR. */
  MLLP_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).max(16_777_216).default(1_048_576),
  /** Folder with the HL7 mapping tables (units.json, dispositions.json); unset: the shipped ones. */
  HL7_MAPPINGS_DIR: z.string().min(1).optional(),
  /**
   * Notifications to the units (worker). SMTP server for the e-mail digests, e.g.
   * smtp://localhost:1025 (`npm start`'s mail catcher) or smtps://user:pass@relay:465; unset:
   * e-mail deliveries wait, visibly pending, until it is set.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of the digests. */
  NOTIFY_MAIL_FROM: z.string().min(3).default('Utskrivningsflödet <noreply@utskrivning.invalid>'),
  /** Where the web UI is reached; links in notifications point there. */
  PUBLIC_WEB_URL: z
    .url('must be a URL, e.g. https://utskrivning.vgregion.se')
    .default('http://localhost:3000'),
  /** A unit's digest goes out when its oldest pending notification has waited this long. */
  NOTIFY_DIGEST_INTERVAL_MINUTES: z.coerce.number().min(0).max(1440).default(15),
  /** An overdue task is mailed at once instead of waiting for the digest. */
  NOTIFY_OVERDUE_IMMEDIATE: z.enum(['true', 'false'], 'must be true or false').default('true'),
  /** How often the worker looks for notifications to send. */
  NOTIFY_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** A failed delivery is retried after base × 2^(attempt−1) seconds, at most an hour. */
  NOTIFY_RETRY_BASE_SECONDS: z.coerce.number().min(0.05).max(3600).default(30),
  /** Attempts before a delivery is given up as failed (and shown so per unit). */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  /** How long one webhook call or SMTP transaction may take. */
  NOTIFY_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** OTLP/HTTP endpoint for traces (e.g. http://collector:4318); unset: no traces exported. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url('must be a URL, e.g. http://localhost:4318').optional(),
});

/** Settings that only make sense together: a certificate needs its key, TLS=false needs none. */
const consistentConfigSchema = configSchema.superRefine((config, ctx) => {
  const problem = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  if (config.TEMPORAL_TLS_CLIENT_CERT_PATH && !config.TEMPORAL_TLS_CLIENT_KEY_PATH)
    problem('TEMPORAL_TLS_CLIENT_KEY_PATH', 'is required with TEMPORAL_TLS_CLIENT_CERT_PATH');
  if (config.TEMPORAL_TLS_CLIENT_KEY_PATH && !config.TEMPORAL_TLS_CLIENT_CERT_PATH)
    problem('TEMPORAL_TLS_CLIENT_CERT_PATH', 'is required with TEMPORAL_TLS_CLIENT_KEY_PATH');
  if (config.TEMPORAL_API_KEY && config.TEMPORAL_TLS_CLIENT_CERT_PATH)
    problem('TEMPORAL_API_KEY', 'and TEMPORAL_TLS_CLIENT_CERT_PATH are alternatives: set one');
  if (config.TEMPORAL_TLS === 'false')
    for (const key of [
      'TEMPORAL_TLS_CLIENT_CERT_PATH',
      'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
      'TEMPORAL_TLS_SERVER_NAME',
      'TEMPORAL_API_KEY',
    ] as const)
      if (config[key]) problem('TEMPORAL_TLS', `must not be false with ${key} (it needs TLS)`);
});

export type AppConfig = z.infer<typeof consistentConfigSchema>;

/**
 * Settings whose value may be printed in a configuration error. Every other setting (the
 * database URL with its password, the keys and secrets, an OTLP endpoint that may carry a
 * token) is named with its reason only, so a start-up log never holds a secret. A new
 * setting is secret until it is listed here.
 */
const PRINTABLE_SETTINGS: ReadonlySet<string> = new Set([
  'NODE_ENV',
  'PORT',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_CLIENT_CERT_PATH',
  'TEMPORAL_TLS_CLIENT_KEY_PATH',
  'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
  'TEMPORAL_TLS_SERVER_NAME',
  'PAYLOAD_CODEC_KEY_ID',
  'PAYLOAD_CODEC_ALLOW_PLAINTEXT',
  'TASK_REMINDER_BEFORE_DUE_HOURS',
  'TASK_ESCALATION_AFTER_DUE_HOURS',
  'WORKER_MAX_CACHED_WORKFLOWS',
  'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS',
  'WORKER_METRICS_BIND_ADDRESS',
  'RATE_LIMIT_PER_USER_PER_MINUTE',
  'RATE_LIMIT_PER_IP_PER_MINUTE',
  'LOG_LEVEL',
  'AUTH_MODE',
  'OIDC_ISSUER',
  'OIDC_JWKS_URL',
  'OIDC_AUDIENCE',
  'OIDC_USER_CLAIM',
  'OIDC_TOKEN_TYP',
  'OIDC_CLOCK_TOLERANCE_SECONDS',
  'BETALNINGSANSVAR_DAILY_AMOUNTS',
  // SMTP_URL is not here: it may carry the relay's password.
  'NOTIFY_MAIL_FROM',
  'PUBLIC_WEB_URL',
  'NOTIFY_DIGEST_INTERVAL_MINUTES',
  'NOTIFY_OVERDUE_IMMEDIATE',
  'NOTIFY_POLL_INTERVAL_MS',
  'NOTIFY_RETRY_BASE_SECONDS',
  'NOTIFY_MAX_ATTEMPTS',
  'NOTIFY_SEND_TIMEOUT_MS',
]);

function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = String(issue.path[0] ?? '');
  const shown = PRINTABLE_SETTINGS.has(name) ? ` (got ${JSON.stringify(env[name] ?? null)})` : '';
  return `${issue.path.join('.')} ${issue.message}${shown}`;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; a wrong value throws one line naming the variable and the reason. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = consistentConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => describeIssue(issue, env));
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** Loads the configuration or stops the process with one clear line. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Development and test: the only places a credential-free sign-in or plain-http keys belong. */
const isDevelopmentEnv = (env: Record<string, string | undefined>): boolean =>
  env.NODE_ENV === 'development' || env.NODE_ENV === 'test';

/**
 * The API's own requirements on top of loadConfig (the worker authenticates nobody): the
 * development sign-in only when asked for and NODE_ENV is explicitly development or test
 * (an unset NODE_ENV does not count), and the OIDC settings, with keys over https, otherwise.
 */
export function loadApiConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const config = loadConfig(env);
  const problems: string[] = [];
  if (config.AUTH_MODE === 'dev' && !isDevelopmentEnv(env))
    problems.push(
      'AUTH_MODE=dev needs NODE_ENV=development or test (the development sign-in asks for no credential)',
    );
  if (config.AUTH_MODE === 'oidc') {
    for (const key of ['OIDC_ISSUER', 'OIDC_JWKS_URL', 'OIDC_AUDIENCE'] as const)
      if (!config[key]) problems.push(`${key} is required with AUTH_MODE=oidc`);
    if (config.OIDC_JWKS_URL?.startsWith('http:') && !isDevelopmentEnv(env))
      problems.push('OIDC_JWKS_URL must be https outside development and test');
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  return config;
}

/** Loads the API's configuration or stops the process with one clear line. */
export function loadApiConfigOrExit(
  env: Record<string, string | undefined> = process.env,
): AppConfig {
  try {
    return loadApiConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/**
 * What both connections to Temporal take (the API's `Connection` and the worker's
 * `NativeConnection` accept the same fields), built from the configuration alone: plain for
 * the dev server and the compose stack; TLS, mTLS or an API key for a secured cluster or
 * Temporal Cloud.
 */
export interface TemporalConnectionOptions {
  address: string;
  tls?: {
    serverNameOverride?: string;
    serverRootCACertificate?: Buffer;
    clientCertPair?: { crt: Buffer; key: Buffer };
  };
  apiKey?: string;
}

export function temporalConnectionOptions(
  config: Pick<
    AppConfig,
    | 'TEMPORAL_ADDRESS'
    | 'TEMPORAL_TLS'
    | 'TEMPORAL_TLS_CLIENT_CERT_PATH'
    | 'TEMPORAL_TLS_CLIENT_KEY_PATH'
    | 'TEMPORAL_TLS_SERVER_CA_CERT_PATH'
    | 'TEMPORAL_TLS_SERVER_NAME'
    | 'TEMPORAL_API_KEY'
  >,
  read: (path: string) => Buffer = (path) => readFileSync(path),
): TemporalConnectionOptions {
  const cert = config.TEMPORAL_TLS_CLIENT_CERT_PATH;
  const key = config.TEMPORAL_TLS_CLIENT_KEY_PATH;
  const ca = config.TEMPORAL_TLS_SERVER_CA_CERT_PATH;
  const serverName = config.TEMPORAL_TLS_SERVER_NAME;
  const apiKey = config.TEMPORAL_API_KEY;
  const tls =
    config.TEMPORAL_TLS === 'true' || Boolean(cert || ca || serverName || apiKey)
      ? {
          ...(serverName ? { serverNameOverride: serverName } : {}),
          ...(ca ? { serverRootCACertificate: read(ca) } : {}),
          ...(cert && key ? { clientCertPair: { crt: read(cert), key: read(key) } } : {}),
        }
      : undefined;
  return {
    address: config.TEMPORAL_ADDRESS,
    ...(tls ? { tls } : {}),
    ...(apiKey ? { apiKey } : {}),
  };
}
