// GET /api/tickets/{id} is a JsonObject in the OpenAPI document, so its shape is written here once, from core/Tickets/Ticket.cs and
// TicketWork.cs (camelCase) and TicketLifecycle.ViewAsync; generated types are used for everything the document describes.
export type Clock = { metric: string; target: string; due?: string | null; elapsed: string; remaining: string; state: string }
export type TicketWork = {
  resolution?: { cause: string; solution: string; laborMinutes: number; resolvedAt: string; resolvedBy: string } | null
  rating?: { score: number; comment?: string | null; ratedAt: string } | null
  signature?: { photoId: string; signedAt: string; collectedBy: string } | null
}
export type TicketView = {
  id: string; number: string; status: string; priority: string; description: string; assignedEngineerId?: string | null
  sla?: { policyName: string; clocks: Clock[] } | null
  work?: TicketWork | null
}
