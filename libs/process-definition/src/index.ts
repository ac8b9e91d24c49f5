export * from './model';
export * from './load';
export * from './validate';
export * from './hash';
export * from './diff';
export * from './docs';
export * from './interpreter';
