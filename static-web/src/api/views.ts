import type { Schemas } from './client'

// The ticket as GET /api/tickets/{id} and every action answer it, with its parts, from the generated types.
export type TicketView = Schemas['TicketView']
export type TicketWork = Schemas['TicketWork']
export type Clock = Schemas['ClockView']
export type TimelineEntry = Schemas['HistoryEntry']
