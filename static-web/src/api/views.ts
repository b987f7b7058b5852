import type { Schemas } from './client'

// GET /api/tickets/{id} answers the ticket as the lifecycle shows it (a JSON object the OpenAPI document does not
// describe field by field), so its shape is declared here once, from the generated parts it is made of.
export type Clock = { metric: string; target: string; due?: string | null; elapsed: string; remaining: string; state: string }
export type TicketView = {
  id: string; number: string; status: string; priority: string; serialNumber: string; model?: string | null
  customerId: string; customerName?: string | null; faultCategory: string; description: string; contactPhone: string
  siteAddress?: Schemas['Address']; warranty?: Schemas['Warranty'] | null; preferredWindow?: Schemas['TimeWindow'] | null
  assignedEngineerId?: string | null; createdAt: string
  sla?: { policyName?: string; clocks: Clock[] } | null
  work?: {
    resolution?: { cause: string; solution: string; laborMinutes: number; resolvedAt: string } | null
    rating?: { score: number; comment?: string | null } | null
    signature?: { photoId: string; signedAt: string } | null
    pauseReason?: string | null
  } | null
}
export type TimelineEntry = Schemas['HistoryEntry']
