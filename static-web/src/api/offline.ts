import { openDB } from 'idb'
import { api, Problem } from './client'

/** An engineer's action waiting to reach the server; its id is the Idempotency-Key, so a replay never applies twice. */
export type PendingAction = { id: string; ticketId: string; action: string; body: unknown; createdAt: string }

const db = openDB('engineer', 1, {
  upgrade(d) {
    d.createObjectStore('pending', { keyPath: 'id' })
    d.createObjectStore('tickets')
  },
})

export async function queue(ticketId: string, action: string, body: unknown): Promise<PendingAction> {
  const item = { id: crypto.randomUUID(), ticketId, action, body, createdAt: new Date().toISOString() }
  await (await db).put('pending', item)
  return item
}

export async function pending(ticketId: string): Promise<PendingAction[]> {
  const all = (await (await db).getAll('pending')) as PendingAction[]
  return all.filter(p => p.ticketId === ticketId).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

export const cacheTicket = async (id: string, ticket: unknown) => (await db).put('tickets', ticket, id)
export const cachedTicket = async <T>(id: string) => (await (await db).get('tickets', id)) as T | undefined

/**
 * Sends queued actions in order. Stops at the first network failure (still offline) and keeps the rest; an action
 * the server refuses (4xx) is dropped and reported, since sending it again would be refused again.
 */
export async function flush<T>(ticketId: string, token: string, onRefused: (p: Problem) => void): Promise<T | null> {
  let last: T | null = null
  for (const item of await pending(ticketId)) {
    try {
      last = await api<T>('POST', `/api/tickets/${ticketId}/${item.action}`, item.body, { token, idempotencyKey: item.id })
    } catch (e) {
      if (!(e instanceof Problem) || e.status === 0 || e.status >= 500) return last
      onRefused(e)
    }
    await (await db).delete('pending', item.id)
  }
  return last
}
