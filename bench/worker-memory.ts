import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDockerfile } from '../test/deployment/parsers';
import { sleep } from './report';

const MB = 1_000_000;
const root = join(__dirname, '..');

/** Resident set of a process from /proc/<pid>/status: now (VmRSS) and its peak (VmHWM), in MB. */
export function readRss(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return {
    rssMB: Number(((kB('VmRSS') * 1024) / MB).toFixed(1)),
    peakMB: Number(((kB('VmHWM') * 1024) / MB).toFixed(1)),
  };
}

/**
 * Compiles the worker and the libs as `npm run build` does (SWC, path aliases rewritten), into
 * a folder of this run's own under .data/ (dist/ may be in use), and returns its main.js.
 */
function buildWorker(): { main: string; dir: string } {
  const dir = mkdtempSync(join(root, '.data', 'bench-worker-'));
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
  Object.assign(swcrc.jsc, { baseUrl: root, paths: compilerOptions.paths });
  swcrc.sourceMaps = true;
  writeFileSync(join(dir, '.swcrc'), JSON.stringify(swcrc));
  const result = spawnSync(
    process.execPath,
    [
      require.resolve('@swc/cli/bin/swc.js'),
      'apps/worker/src',
      'libs',
      '--out-dir',
      join(dir, 'out'),
      '--config-file',
      join(dir, '.swcrc'),
      '--ignore',
      '**/*.spec.ts',
      '--copy-files',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`building the worker failed:\n${result.stderr}`);
  return { main: join(dir, 'out', 'apps', 'worker', 'src', 'main.js'), dir };
}

/**
 * How the worker's image runs it (apps/worker/Dockerfile, final stage): the node flags of its
 * CMD and the variables its ENV sets (the heartbeat file aside: no health check runs here).
 */
export function workerImageRuntime(): { nodeFlags: string[]; env: Record<string, string> } {
  const stages = parseDockerfile(readFileSync(join(root, 'apps', 'worker', 'Dockerfile'), 'utf8'));
  const final = stages.at(-1)?.instructions ?? [];
  const cmd = final.findLast((i) => i.keyword === 'CMD')?.exec ?? [];
  const env: Record<string, string> = {};
  for (const i of final.filter((i) => i.keyword === 'ENV'))
    for (const [, key, value] of i.text.matchAll(/(\w+)=(\S+)/g))
      if (key && value && key !== 'WORKER_HEARTBEAT_FILE') env[key] = value;
  return { nodeFlags: cmd.slice(1).filter((part) => part.startsWith('--')), env };
}

/**
 * The worker app as its own OS process on its own task queue, started as its image starts it
 * (the node flags and environment of apps/worker/Dockerfile) from a fresh build, or from the
 * sources with BENCH_WORKER=source; its RSS sampled every second.
 */
export class MeasuredWorker {
  readonly samples: { at: number; rssMB: number }[] = [];
  private timer?: NodeJS.Timeout;
  private log = '';

  private constructor(
    readonly child: ChildProcess,
    readonly pid: number,
    private readonly buildDir: string | undefined,
  ) {
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-200_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(env: NodeJS.ProcessEnv, taskQueue: string): Promise<MeasuredWorker> {
    const fromSource = process.env.BENCH_WORKER === 'source';
    const build = fromSource ? undefined : buildWorker();
    // BENCH_WORKER_FLAGS: node flags to try for the production command (none by default).
    const flags = (process.env.BENCH_WORKER_FLAGS ?? '').split(' ').filter(Boolean);
    const image = workerImageRuntime();
    const args = build
      ? [...image.nodeFlags, ...flags, build.main]
      : ['-r', '@swc-node/register', 'apps/worker/src/main.ts'];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: {
        ...env,
        ...(build ? image.env : {}),
        TEMPORAL_TASK_QUEUE: taskQueue,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid === undefined) throw new Error('the worker process did not start');
    const measured = new MeasuredWorker(child, child.pid, build?.dir);
    const started = Date.now();
    while (!measured.log.includes('Worker polling task queue')) {
      if (child.exitCode !== null || Date.now() - started > 90_000) {
        await measured.stop();
        throw new Error(`the worker did not start:\n${measured.log.slice(-4000)}`);
      }
      await sleep(100);
    }
    measured.timer = setInterval(() => measured.sample(), 1000);
    measured.timer.unref();
    return measured;
  }

  get command(): string {
    return this.child.spawnargs.slice(1).join(' ').replace(root, '.');
  }

  sample(): { rssMB: number; peakMB: number } {
    const now = readRss(this.pid);
    this.samples.push({ at: Date.now(), rssMB: now.rssMB });
    return now;
  }

  /**
   * Waits `seconds` for the worker to settle and returns the steady RSS: the median of the
   * samples of the last half of that time (so one GC or timer burst does not set it).
   */
  async settle(seconds: number): Promise<number> {
    const from = Date.now() + (seconds * 1000) / 2;
    await sleep(seconds * 1000);
    this.sample();
    const late = this.samples
      .filter((s) => s.at >= from)
      .map((s) => s.rssMB)
      .sort((a, b) => a - b);
    return late[Math.floor(late.length / 2)] ?? this.sample().rssMB;
  }

  /** The worker's own log lines that warn or fail (pino JSON, level ≥ 40). */
  problems(): string[] {
    return this.log
      .split('\n')
      .filter((line) => /"level":(4|5|6)\d/.test(line))
      .slice(-5);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await Promise.race([exited, sleep(30_000)]);
      if (this.child.exitCode === null && this.child.signalCode === null)
        this.child.kill('SIGKILL');
    }
    if (this.buildDir) rmSync(this.buildDir, { recursive: true, force: true });
  }
}
