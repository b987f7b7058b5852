import type { Schemas } from './client'

// The ticket as GET /api/tickets/{id} and every action answer it, with its parts, from the generated types.
export type TicketView = Schemas['TicketView']
/** An action's name, as routes, allowedActions and timeline kinds spell it. */
export type ActionKind = Schemas['ActionKind']
export type TicketWork = Schemas['TicketWork']
export type Clock = Schemas['ClockView']
export type TimelineEntry = Schemas['HistoryEntry']
