// Entry point that the Temporal worker bundles: workflow functions only.
export { stayWorkflow } from './stay/stay.workflow';
