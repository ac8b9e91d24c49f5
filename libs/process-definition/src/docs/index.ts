export * from './labels';
export * from './mermaid';
export * from './markdown';
