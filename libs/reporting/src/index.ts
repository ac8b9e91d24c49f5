export * from './calendar';
export * from './uk-days';
export * from './rules';
export * from './betalningsansvar';
export * from './kpi';
export * from './freeze';
