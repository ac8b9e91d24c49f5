import { resolve } from 'node:path';

/** The file the worker hands to Temporal's bundler. Resolved from source or from a build. */
export const workflowsPath = require.resolve('./workflows');

/** Path aliases the workflow bundle needs (mirrors tsconfig.json "paths"). */
export const workflowBundleAliases: Record<string, string> = {
  '@app/process-definition': resolve(__dirname, '../../process-definition/src'),
};
