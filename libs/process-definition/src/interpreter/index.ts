// The zod-free entry for workflow code: pure functions and plain data only.
// Everything reachable from here must stay free of zod (except `import type`), Node built-ins,
// clock reads and randomness; interpreter.spec.ts checks the imports.
export * from './conditions';
export * from './calendar';
export * from './deadlines';
export * from './facts';
export * from './applicable';
export * from './simulate';
export * from '../registry';
export type * from '../model';
export { interpreterEvents, routingOutcomes } from '../vocabulary';
