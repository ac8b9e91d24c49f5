// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Code that runs inside Temporal's deterministic workflow sandbox. */
const workflowSandboxFiles = [
  'libs/workflows/src/**/*.ts',
  'libs/process-definition/src/interpreter/**/*.ts',
  'libs/process-definition/src/definitions/**/*.ts',
  'libs/process-definition/src/registry.ts',
];

// Layers (README "Layout"): apps → libs, never back; libs/domain, libs/process-definition and
// libs/workflows are pure (no database, Temporal client, configuration or telemetry), and the
// web UI takes only libs/domain and the process vocabulary. An import is named either by its
// @app/* alias or by a relative path through libs/ or apps/, so each rule lists both.
const apps = ['api', 'worker', 'migrate', 'web', 'integration'];
const impureLibs = ['persistence', 'temporal', 'config', 'reporting', 'telemetry'];
const libImport = (lib) => [
  `@app/${lib}`,
  `@app/${lib}/*`,
  `**/libs/${lib}/**`,
  `**/${lib}/src/**`,
];
const layer = {
  libsNeverImportApps: {
    group: ['**/apps/**', ...apps.map((app) => `**/${app}/src/**`)],
    message: 'libs never import apps: move what both need into a lib.',
  },
  pureLibsOnly: {
    group: impureLibs.flatMap(libImport),
    message:
      'libs/domain, libs/process-definition and libs/workflows are pure: no database, Temporal ' +
      'client, configuration or telemetry (the worker gives those through activities).',
  },
  appsNeverImportApps: (self) => ({
    group: apps.filter((app) => app !== self).map((app) => `**/${app}/src/**`),
    message: 'An app never imports another app: share through a lib.',
  }),
  webOnlyDomainAndVocabulary: {
    // A regular expression: gitignore patterns cannot re-include a folder under an excluded one.
    regex: String.raw`^@app/(?!domain(/|$)|process-definition/vocabulary$)|/libs/(?!domain/|process-definition/src/vocabulary$)`,
    message: 'The web UI imports only libs/domain and the process vocabulary from the libs.',
  },
};
const restrictImports = (patterns, paths = []) => ['error', { paths, patterns }];
const pureLibFiles = [
  'libs/domain/src/**/*.ts',
  'libs/process-definition/src/**/*.ts',
  'libs/workflows/src/**/*.ts',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.tools/',
      'coverage/',
      'apps/web/dist/',
      'test-results/',
      'libs/persistence/src/generated/',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  // Type-aware: each file is checked with the types of the tsconfig.json nearest to it
  // (the root one, or apps/web's), through TypeScript's project service.
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // A promise nobody awaits loses its error; a switch over a union must name every case.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // Numbers read well in messages and paths; objects, undefined and null do not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` says what it does.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // An empty string means "not given" in forms and the environment: `||` is meant there.
      '@typescript-eslint/prefer-nullish-coalescing': [
        'error',
        { ignorePrimitives: { string: true, boolean: true } },
      ],
      // `async` on a synchronous body is how an interface's Promise is kept, throws included.
      '@typescript-eslint/require-await': 'off',
      // The stylistic set would turn `x as T` into `x!`, which the strict set forbids.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // NestJS and gRPC take their options as plain objects typed by classes.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // NestJS modules are classes that only carry decorators.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-definitions': 'off',
      'no-console': 'error',
    },
  },
  // The layer boundaries. For one file the last block that sets the rule wins, so each
  // narrower block repeats the wider one's patterns.
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports([layer.libsNeverImportApps]) },
  },
  {
    files: pureLibFiles,
    rules: {
      'no-restricted-imports': restrictImports([layer.libsNeverImportApps, layer.pureLibsOnly]),
    },
  },
  ...apps
    .filter((app) => app !== 'web')
    .map((app) => ({
      files: [`apps/${app}/**/*.ts`],
      rules: { 'no-restricted-imports': restrictImports([layer.appsNeverImportApps(app)]) },
    })),
  {
    files: workflowSandboxFiles,
    ignores: ['libs/workflows/src/bundle.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: 'Workflow code stays small and deterministic: validate at the boundary.',
              allowTypeImports: true,
            },
            ...builtinModules.map((name) => ({
              name,
              message: 'Node built-ins are not available in workflow code: use an activity.',
            })),
          ],
          patterns: [
            { group: ['node:*'], message: 'Node built-ins are not available in workflow code.' },
            layer.libsNeverImportApps,
            layer.pureLibsOnly,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Workflow code must not read the environment.' },
        { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
      ],
    },
  },
  {
    // The web UI runs in the browser: no Node built-ins, and from the libs only the domain
    // and the process vocabulary.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports([
        { group: ['node:*'], message: 'The web UI runs in the browser.' },
        layer.appsNeverImportApps('web'),
        layer.webOnlyDomainAndVocabulary,
      ]),
    },
  },
  {
    // React's rules of hooks, and the React Compiler's checks of what a component may do.
    files: ['apps/web/src/**/*.tsx', 'apps/web/src/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['tools/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests read HTTP bodies (supertest's `any`) and assert on them with expect(), which is
    // the check; the production code keeps the no-unsafe-* rules.
    files: ['test/**/*.ts', '**/*.spec.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // afterAll() closes what beforeAll() may have failed to open, whatever the declared type.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  // Plain JavaScript (this file) is in no tsconfig: no type-aware rules there.
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
);
