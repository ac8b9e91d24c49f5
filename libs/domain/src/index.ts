export * from './errors';
export * from './personnummer';
export * from './schemas/common';
export * from './schemas/admission';
export * from './schemas/events';
export * from './schemas/tasks';
export * from './canonical-json';
