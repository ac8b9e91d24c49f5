import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** A wrong setting stops each app at start-up with one line naming the variable. */
const root = join(__dirname, '..', '..');

function start(app: 'api' | 'worker', env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('configuration validated once at start-up', () => {
  it.each(['api', 'worker'] as const)('%s refuses PORT=eighty / a bad TEMPORAL_ADDRESS', (app) => {
    const result = start(app, { PORT: 'eighty', TEMPORAL_ADDRESS: 'no-port-here' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: /);
    expect(lines[0]).toContain('TEMPORAL_ADDRESS must be host:port');
    if (app === 'api') expect(lines[0]).toMatch(/PORT .*"eighty"/);
  });
});
