// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Code that runs inside Temporal's deterministic workflow sandbox. */
const workflowSandboxFiles = [
  'libs/workflows/src/**/*.ts',
  'libs/process-definition/src/interpreter/**/*.ts',
  'libs/process-definition/src/definitions/**/*.ts',
  'libs/process-definition/src/registry.ts',
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
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    rules: {
      // NestJS modules are classes that only carry decorators.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': 'off',
      'no-console': 'error',
    },
  },
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
    // The web UI runs in the browser: no Node built-ins.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'The web UI runs in the browser.' }] },
      ],
    },
  },
  {
    files: ['tools/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
