import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { StayCommands } from '@app/stay-commands';
import { AdtInbound, HL7_MAPPINGS } from './adt-inbound.service';
import { loadHl7Mappings } from './mappings';

/**
 * HL7 v2 ADT applied to stays, for the listener and the API's inbox replay. The mapping tables
 * are read and validated when the module starts: a wrong file stops the process with its reason.
 * Needs a Temporal Client and the persistence module from the application.
 */
@Module({
  providers: [
    {
      provide: HL7_MAPPINGS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loadHl7Mappings(config.HL7_MAPPINGS_DIR),
    },
    StayCommands,
    AdtInbound,
  ],
  exports: [AdtInbound, HL7_MAPPINGS, StayCommands],
})
export class Hl7InboundModule {}
