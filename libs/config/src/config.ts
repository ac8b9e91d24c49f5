import { z } from 'zod';

/** Every setting the apps read from the environment, validated once at start-up. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string({ error: 'is required (postgresql://user@host:port/database)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('stays'),
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
  /** How long before a task's due time its unit is reminded (new stays take it at admission). */
  TASK_REMINDER_BEFORE_DUE_HOURS: z.coerce.number().min(0).max(720).default(4),
  /** How long after its due time an overdue task is escalated to the unit's lead. */
  TASK_ESCALATION_AFTER_DUE_HOURS: z.coerce.number().min(0).max(720).default(24),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * How the API authenticates: `dev` signs its own tokens for the seeded demo users (only
   * allowed, and the default, when NODE_ENV is development or test); `oidc` verifies bearer
   * tokens from the region's identity provider (the default in production).
   */
  AUTH_MODE: z.enum(['dev', 'oidc']).optional(),
  /** The identity provider's issuer (the `iss` of its tokens); required with AUTH_MODE=oidc. */
  OIDC_ISSUER: z.url('must be a URL, e.g. https://idp.example.se/realms/vgr').optional(),
  /** Where the provider publishes its signing keys (JWKS); required with AUTH_MODE=oidc. */
  OIDC_JWKS_URL: z.url("must be a URL to the provider's JWKS").optional(),
  /** The `aud` the API's tokens carry; required with AUTH_MODE=oidc. */
  OIDC_AUDIENCE: z.string().min(1).optional(),
  /** The token claim that names the user (matched against app_user.oidc_subject). */
  OIDC_USER_CLAIM: z.string().min(1).default('sub'),
  /**
   * Betalningsansvar: the daily amount per UK day, from a year on ("2019:7800,2022:9300").
   * A year without its own amount uses the latest earlier one, and the report says so.
   */
  BETALNINGSANSVAR_DAILY_AMOUNTS: z
    .string()
    .regex(/^\d{4}:\d+(,\d{4}:\d+)*$/, 'must be year:kronor,…, e.g. 2019:7800,2022:9300')
    .default('2019:7800,2022:9300'),
  /** OTLP/HTTP endpoint for traces (e.g. http://collector:4318); unset: no traces exported. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url('must be a URL, e.g. http://localhost:4318').optional(),
});

/** The settings with the authentication mode resolved (dev only where NODE_ENV allows it). */
const resolvedConfigSchema = configSchema.transform((config) => ({
  ...config,
  AUTH_MODE:
    config.AUTH_MODE ??
    (config.NODE_ENV === 'development' || config.NODE_ENV === 'test' ? 'dev' : 'oidc'),
}));

export type AppConfig = z.infer<typeof resolvedConfigSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; a wrong value throws one line naming the variable and the reason. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = resolvedConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) =>
      `${issue.path.join('.')} ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])] ?? null)})`,
  );
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

/**
 * The API's own requirements on top of loadConfig (the worker authenticates nobody): the
 * development sign-in only outside production, and the OIDC settings whenever it is not used.
 */
export function loadApiConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const config = loadConfig(env);
  const problems: string[] = [];
  if (config.AUTH_MODE === 'dev' && config.NODE_ENV === 'production')
    problems.push(
      'AUTH_MODE must be oidc when NODE_ENV is production (dev sign-in is for development only)',
    );
  if (config.AUTH_MODE === 'oidc')
    for (const key of ['OIDC_ISSUER', 'OIDC_JWKS_URL', 'OIDC_AUDIENCE'] as const)
      if (!config[key]) problems.push(`${key} is required with AUTH_MODE=oidc`);
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
