#!/usr/bin/env node
// `npm start`: installs what is missing, then brings the whole stack up (tools/stack/up.ts).
const { spawn, spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const setup = spawnSync(process.execPath, [join(__dirname, 'setup.cjs')], { stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const stack = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/stack/up.ts'], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the whole process group; the stack shuts its children down itself.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => stack.kill('SIGTERM'));
stack.on('exit', (code) => process.exit(code ?? 0));
