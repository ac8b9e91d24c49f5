export * from './payload-codec';
export * from './data-converter';
export * from './call-deadline';
