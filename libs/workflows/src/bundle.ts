import { resolve } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/** The file the worker hands to Temporal's bundler. Resolved from source or from a build. */
export const workflowsPath = require.resolve('./workflows');

/** Path aliases the workflow bundle needs (mirrors tsconfig.json "paths"). */
const workflowBundleAliases: Record<string, string> = {
  '@app/process-definition': resolve(__dirname, '../../process-definition/src'),
};

/** Bundler settings shared by the worker and the replay tests, so both bundle alike. */
export const workflowBundlerOptions: Pick<BundleOptions, 'webpackConfigHook'> = {
  webpackConfigHook: (config) => {
    config.resolve = {
      ...config.resolve,
      alias: { ...(config.resolve?.alias as object), ...workflowBundleAliases },
    };
    return config;
  },
};
