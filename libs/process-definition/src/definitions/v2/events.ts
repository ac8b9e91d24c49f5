import type { EventTypeDefinition } from '../../model';

/** The events the API accepts for a stay, with Swedish titles. */
export const eventTypesV2: [EventTypeDefinition, ...EventTypeDefinition[]] = [
  { type: 'admitted', title: 'Patienten inskriven i slutenvården' },
  {
    type: 'needs-assessed',
    title: 'Läkaren har bedömt behovet av insatser efter utskrivning',
  },
  { type: 'needs-changed', title: 'Behovet av insatser har ändrats under vårdtiden' },
  { type: 'planned-discharge-date-set', title: 'Planerat utskrivningsklar-datum (PUD) satt' },
  { type: 'planned-discharge-date-changed', title: 'Planerat utskrivningsklar-datum flyttat' },
  { type: 'planning-message-received', title: 'Planeringsmeddelande har kommit in' },
  { type: 'utskrivningsklar', title: 'Läkaren har bedömt patienten utskrivningsklar' },
  { type: 'utskrivningsklar-revoked', title: 'Bedömningen utskrivningsklar har återkallats' },
  { type: 'opt-application-considered', title: 'Ansökan om öppen psykiatrisk tvångsvård övervägs' },
  { type: 'discharged', title: 'Patienten har lämnat sjukhuset' },
  { type: 'died', title: 'Patienten har avlidit under vårdtiden', endsStay: true },
  { type: 'transferred', title: 'Patienten har flyttats till ett annat sjukhus', endsStay: true },
  { type: 'readmitted', title: 'Patienten har lagts in igen inom 30 dagar' },
  {
    type: 'receiving-unit-unresolved',
    title: 'Mottagande enhet kunde inte fastställas (uppgiften väntar hos en mottagning)',
  },
  { type: 'responsibility-dispute-raised', title: 'Oenighet om ansvar har anmälts' },
  { type: 'samverkansavvikelse-reported', title: 'Samverkansavvikelse har anmälts' },
  { type: 'billing-period-closed', title: 'Månaden för betalningsansvar har stängts' },
];
