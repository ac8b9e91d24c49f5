#!/usr/bin/env node
// Production build: SWC compiles apps/ and libs/ to dist/ (same layout), rewriting the
// tsconfig path aliases (@app/*) to relative requires, so `node dist/apps/<app>/src/main.js`
// runs without a loader. Type checking is `npm run typecheck`. The Temporal worker bundles
// dist/libs/workflows/src/workflows.js at start-up, as it bundles the sources in development.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
swcrc.jsc.baseUrl = root;
swcrc.jsc.paths = compilerOptions.paths;
swcrc.sourceMaps = true;
const dir = mkdtempSync(join(tmpdir(), 'swc-'));
const config = join(dir, '.swcrc');
writeFileSync(config, JSON.stringify(swcrc));

rmSync(join(root, 'dist'), { recursive: true, force: true });
const result = spawnSync(
  process.execPath,
  [
    require.resolve('@swc/cli/bin/swc.js'),
    'apps/api/src',
    'apps/worker/src',
    'apps/migrate/src',
    'apps/integration/src',
    'libs',
    '--out-dir',
    'dist',
    '--config-file',
    config,
    '--ignore',
    '**/*.spec.ts',
    '--copy-files',
  ],
  { cwd: root, stdio: 'inherit' },
);
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
