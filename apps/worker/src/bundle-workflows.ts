import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { stayFailureConverterPath } from '@app/temporal';
import { workflowBundlerOptions, workflowsPath } from '@app/workflows';

/**
 * Run as a child process by bundleWorkflowsInChild: bundles the workflow code with webpack
 * and sends it to the parent. argv[2] lists the workflow interceptor modules (JSON).
 */
async function main(): Promise<void> {
  const workflowInterceptorModules = JSON.parse(process.argv[2] ?? '[]') as string[];
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    ...workflowBundlerOptions,
    workflowInterceptorModules,
    // The workflow's own failures are encrypted like the rest (libs/temporal).
    failureConverterPath: stayFailureConverterPath,
    logger: new DefaultLogger('WARN'),
  });
  process.send?.({ code }, () => process.exit(0));
}

void main().catch((error: unknown) => {
  process.stderr.write(`Bundling the workflow code failed: ${(error as Error).message}\n`);
  process.exit(1);
});
