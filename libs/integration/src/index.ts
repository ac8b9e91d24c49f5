export * from './adt';
export * from './adt-inbound.service';
export * from './hl7-inbound.module';
export * from './hl7-time';
export * from './mappings';
