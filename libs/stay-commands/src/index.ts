export * from './stay-commands';
export * from './infrastructure-errors';
