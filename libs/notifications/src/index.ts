export * from './backoff';
export * from './channels';
export * from './messages';
export * from './senders';
export * from './drainer';
export * from './settings';
