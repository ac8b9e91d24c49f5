export * from './stay/messages';
export type * from './stay/types';
export type { StayActivities } from './activities';
export { workflowsPath, workflowBundlerOptions } from './bundle';

export const stayWorkflowType = 'stayWorkflow';
