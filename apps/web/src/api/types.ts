import type { z } from 'zod';
import type {
  deviationResponseSchema,
  meResponseSchema,
  stayListItemResponseSchema,
  stayTimelineResponseSchema,
  taskResponseSchema,
  unitResponseSchema,
} from '../../../../libs/domain/src/schemas/responses';
import type { JsonSchema } from '../lib/schema-form';

/** The API's answers, typed from the same zod schemas the API documents itself with. */
export type Task = z.infer<typeof taskResponseSchema>;
export type Unit = z.infer<typeof unitResponseSchema>;
export type Me = z.infer<typeof meResponseSchema>;
export type StayListItem = z.infer<typeof stayListItemResponseSchema>;
export type StayTimeline = z.infer<typeof stayTimelineResponseSchema>;
export type Deviation = z.infer<typeof deviationResponseSchema>;
export type Lane = Unit['lane'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Activity {
  id: string;
  phase: string;
  lane: Lane;
  performerRole: string;
  title: string;
  goal: string;
  purpose: string;
  how: string;
  outcomes: { id: string; title: string }[];
}

export interface ProcessDefinition {
  version: number;
  title: string;
  activities: Activity[];
  eventTypes: { type: string; title: string }[];
  /** The events POST /stays/:id/events takes under this version, with their data's JSON Schema. */
  acceptedEventTypes: AcceptedEventType[];
}

export interface AcceptedEventType {
  type: string;
  title: string;
  dataSchema: JsonSchema;
}
