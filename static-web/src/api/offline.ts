import { openDB } from 'idb'
import { api, Problem } from './client'
import { newest, upload, type PhotoKind } from './photos'

/**
 * An engineer's action waiting to reach the server; its id is the Idempotency-Key, so a replay never applies twice.
 * "photos" items carry images of one kind (uploaded with the same key); a resolve may carry the customer's
 * signature, uploaded just before it.
 */
export type PendingAction = {
  id: string; ticketId: string; action: string; body: Record<string, unknown>; createdAt: string
  files?: Blob[]; kind?: PhotoKind; signature?: Blob; signaturePhotoId?: string
}

const db = openDB('engineer', 1, {
  upgrade(d) {
    d.createObjectStore('pending', { keyPath: 'id' })
    d.createObjectStore('tickets')
  },
})

export async function queue(ticketId: string, action: string, body: Record<string, unknown>, extra: Partial<PendingAction> = {}): Promise<PendingAction> {
  const item: PendingAction = { ...extra, id: crypto.randomUUID(), ticketId, action, body, createdAt: new Date().toISOString() }
  await (await db).put('pending', item)
  return item
}

export async function pending(ticketId: string): Promise<PendingAction[]> {
  const all = (await (await db).getAll('pending')) as PendingAction[]
  return all.filter(p => p.ticketId === ticketId).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

export const cacheTicket = async (id: string, ticket: unknown) => (await db).put('tickets', ticket, id)
export const cachedTicket = async <T>(id: string) => (await (await db).get('tickets', id)) as T | undefined

async function send<T>(item: PendingAction, token: string): Promise<T | null> {
  if (item.action === 'photos') {
    await upload(item.ticketId, item.files ?? [], { kind: item.kind, token, idempotencyKey: item.id })
    return null
  }
  if (item.signature && !item.signaturePhotoId) {
    // Remember the uploaded signature, so a retry after a lost answer does not upload it again.
    item.signaturePhotoId = newest(await upload(item.ticketId, [item.signature], { kind: 'signature', token, idempotencyKey: `${item.id}-signature` }), 'signature')
    await (await db).put('pending', item)
  }
  const body = item.signaturePhotoId ? { ...item.body, signaturePhotoId: item.signaturePhotoId } : item.body
  return await api<T>('POST', `/api/tickets/${item.ticketId}/${item.action}`, body, { token, idempotencyKey: item.id })
}

let running: Promise<unknown> = Promise.resolve()

/**
 * Sends queued items in order. Stops at the first network failure (still offline) and keeps the rest; an item the
 * server refuses (4xx) is dropped and reported, since sending it again would be refused again. One flush runs at a
 * time (the "online" event and a new action can ask at once), so no item is sent twice by this page.
 */
export function flush<T>(ticketId: string, token: string, onRefused: (p: Problem) => void): Promise<T | null> {
  const next = running.then(() => flushNow<T>(ticketId, token, onRefused))
  running = next.catch(() => undefined)
  return next
}

async function flushNow<T>(ticketId: string, token: string, onRefused: (p: Problem) => void): Promise<T | null> {
  let last: T | null = null
  for (const item of await pending(ticketId)) {
    try {
      last = (await send<T>(item, token)) ?? last
    } catch (e) {
      if (!(e instanceof Problem) || e.status === 0 || e.status >= 500) return last
      onRefused(e)
    }
    await (await db).delete('pending', item.id)
  }
  return last
}
