export * from './stay/messages';
export type * from './stay/types';
export type { StayActivities } from './activities';
export { workflowsPath, workflowBundlerOptions } from './bundle';

export const stayWorkflowType = 'stayWorkflow';
/** Workflow ids carry no patient data: only the stay's opaque uuid. */
export const stayWorkflowId = (stayId: string): string => `stay-${stayId}`;
