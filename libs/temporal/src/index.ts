export * from './payload-codec';
export * from './data-converter';
