import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The worker app as its own OS process (as in production), so a test can SIGKILL it. */
export class WorkerProcess {
  private log = '';

  private constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-2_000_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** What the worker printed since it was started (the last 2 MB). */
  output(): string {
    return this.log;
  }

  /** Starts the worker and resolves once it polls its task queue. */
  static async start(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: root,
      env: { ...process.env, ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`worker did not start:\n${output}`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-20_000);
        if (output.includes('Worker polling task queue')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited (${String(code)}):\n${output}`));
      });
    });
    const started = new WorkerProcess(child);
    started.log = output;
    return started;
  }

  /** Starts the worker without waiting for it (to kill it while it starts up or sends). */
  static launch(env: NodeJS.ProcessEnv): WorkerProcess {
    return new WorkerProcess(
      spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
        cwd: root,
        env: { ...process.env, ...env, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  }

  /** SIGKILL: no shutdown hooks, no draining — as when a machine dies. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
