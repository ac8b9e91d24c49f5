#!/usr/bin/env node
// `npm start`: installs what is missing, then brings the whole stack up (tools/stack/up.ts),
// on Node 24: the machine's if it has it, otherwise the one tools/node-runtime.cjs keeps in
// .tools/ (first on PATH, so that the API, the worker and every child run on it too).
const { spawn, spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { ensureNodeRuntime } = require('./node-runtime.cjs');

const root = join(__dirname, '..');
const bin = ensureNodeRuntime();
const node = join(bin, 'node');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
const setup = spawnSync(node, [join(__dirname, 'setup.cjs')], { stdio: 'inherit', env });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const stack = spawn(node, ['-r', '@swc-node/register', 'tools/stack/up.ts'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
// Ctrl-C reaches the whole process group; the stack shuts its children down itself.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => stack.kill('SIGTERM'));
stack.on('exit', (code) => process.exit(code ?? 0));
