import { openDB } from 'idb'
import { api, Problem } from './client'
import { newest, upload, type PhotoKind } from './photos'

/** Why the server refused an action: its problem+json (status, title, detail, field errors), kept as the server wrote it. */
export type Refusal = { status: number; title: string; detail: string; errors: Record<string, string[]> }

/**
 * An engineer's action waiting to reach the server; its id is the Idempotency-Key, so a replay never applies twice.
 * "photos" items carry images of one kind (uploaded with the same key); a resolve may carry the customer's
 * signature, uploaded just before it. A refused item keeps its refusal and stays until the engineer dismisses it,
 * so a report typed offline is never lost without a word.
 */
export type PendingAction = {
  id: string; ticketId: string; action: string; body: Record<string, unknown>; createdAt: string
  files?: Blob[]; kind?: PhotoKind; signature?: Blob; signaturePhotoId?: string; refused?: Refusal
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

/** Every item of the ticket, oldest first: those still to send and those the server refused. */
export async function pending(ticketId: string): Promise<PendingAction[]> {
  const all = (await (await db).getAll('pending')) as PendingAction[]
  return all.filter(p => p.ticketId === ticketId).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** The engineer has read why an item was refused: it goes. */
export const dismiss = async (id: string) => (await db).delete('pending', id)

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
  // A refusal is kept in the phone and shown again after the page switches language: ask for the server's own English,
  // which the page puts in its language when it shows it (messages.ts).
  return await api<T>('POST', `/api/tickets/${item.ticketId}/${item.action}`, body, { token, idempotencyKey: item.id, language: 'en' })
}

let running: Promise<unknown> = Promise.resolve()

/**
 * Sends queued items in order. Stops at the first failure worth retrying (offline, 5xx, still pending after a 202,
 * 408, 429) and keeps the rest; an item the server refuses (400, 401, 403, 404, 409, …) keeps the refusal and is not
 * sent again, since it would be refused again. One flush runs at a time (the "online" event and a new action can ask
 * at once), so no item is sent twice by this page.
 */
export function flush<T>(ticketId: string, token: string): Promise<T | null> {
  const next = running.then(() => flushNow<T>(ticketId, token))
  running = next.catch(() => undefined)
  return next
}

const retryLater = (e: unknown) => !(e instanceof Problem) || e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500

async function flushNow<T>(ticketId: string, token: string): Promise<T | null> {
  let last: T | null = null
  for (const item of (await pending(ticketId)).filter(i => !i.refused)) {
    try {
      last = (await send<T>(item, token)) ?? last
    } catch (e) {
      if (retryLater(e)) return last
      const p = e as Problem
      await (await db).put('pending', { ...item, refused: { status: p.status, title: p.title, detail: p.detail, errors: p.errors } })
      continue
    }
    await (await db).delete('pending', item.id)
  }
  return last
}
