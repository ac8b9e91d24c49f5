import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Recorded workflow histories must replay against the current workflow code: a change to
 * the interpreter that would break running stays fails here (use Temporal's patching).
 * Record again with RECORD_REPLAY_HISTORIES=1 npm run test:e2e.
 * The replay runs in a plain Node process (tools/replay-histories.ts).
 */
const root = join(__dirname, '..', '..');
const dir = join(root, 'test', 'replay');

describe('replay of recorded stay histories', () => {
  it('replays every recorded history without non-determinism', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const result = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/replay-histories.ts', dir],
      { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } },
    );
    expect(result.stderr).not.toMatch(/replay failed/);
    expect(result.status).toBe(0);
    for (const file of files) expect(result.stdout).toContain(`replayed ${file}`);
  });
});
