import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { isPortOpen, waitFor } from './ports';
import { temporalCliModule, temporalCliPath, toolsBinDir } from './paths';

/** Builds the Temporal CLI (which contains the dev server) from its Go module, once. */
export function ensureTemporalCli(log: (line: string) => void): string {
  if (existsSync(temporalCliPath)) return temporalCliPath;
  log(
    `Building the Temporal dev server: go install ${temporalCliModule} (first time only, takes a few minutes)…`,
  );
  mkdirSync(toolsBinDir, { recursive: true });
  const result = spawnSync('go', ['install', temporalCliModule], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: toolsBinDir, CGO_ENABLED: '0' },
  });
  if (result.error || result.status !== 0 || !existsSync(temporalCliPath))
    throw new Error(
      `Building the Temporal CLI failed (${result.error?.message ?? `exit ${String(result.status)}`}). Is Go installed?`,
    );
  log(`Temporal CLI built at ${temporalCliPath}`);
  return temporalCliPath;
}

/**
 * Dynamic config every dev server of ours runs with, the same as the compose stack's Temporal
 * (deploy/temporal/dynamicconfig.yaml, which says why).
 */
export const serverDefaults: Record<string, unknown> = {
  'system.enableActivityEagerExecution': true,
};

export interface TemporalDevServerOptions {
  port: number;
  /** Web UI port; omitted means headless. */
  uiPort?: number;
  /** SQLite file for persistence across restarts; omitted means in memory. */
  dbFile?: string;
  /** Extra dynamic config, e.g. { 'limit.historyCount.suggestContinueAsNew': 50 }. */
  dynamicConfig?: Record<string, unknown>;
  log: (line: string) => void;
}

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(
  options: TemporalDevServerOptions,
): Promise<TemporalDevServer> {
  const cli = ensureTemporalCli(options.log);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-level',
    'warn',
  ];
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  const dynamicConfig = { ...serverDefaults, ...options.dynamicConfig };
  for (const [key, value] of Object.entries(dynamicConfig))
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);

  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await waitFor(`the Temporal dev server on port ${options.port}`, async () => {
    if (exited) throw new Error(`The Temporal dev server exited: ${stderr}`);
    return isPortOpen(options.port);
  });
  return {
    address: `127.0.0.1:${options.port}`,
    ...(options.uiPort === undefined ? {} : { uiUrl: `http://localhost:${options.uiPort}` }),
    process: child,
    stop: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL after a grace period. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
