import { fork } from 'node:child_process';

/**
 * Bundles the workflow code in a short-lived child process and returns the bundle for
 * Worker.create. Bundling in the worker itself left webpack's modules and the garbage of the
 * bundling run in the long-running process: about 75 MB of its RSS for as long as it ran.
 * From the sources (development, tests) the child loads TypeScript as the parent does.
 */
export function bundleWorkflowsInChild(
  workflowInterceptorModules: string[],
): Promise<{ code: string }> {
  const script = require.resolve('./bundle-workflows');
  const execArgv = script.endsWith('.ts') ? ['-r', '@swc-node/register'] : [];
  return new Promise((resolve, reject) => {
    const child = fork(script, [JSON.stringify(workflowInterceptorModules)], {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let bundle: { code: string } | undefined;
    child.once('message', (message: { code?: unknown }) => {
      if (typeof message.code === 'string') bundle = { code: message.code };
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (bundle) resolve(bundle);
      else reject(new Error(`bundling the workflow code failed (exit code ${String(code)})`));
    });
  });
}
