import type { components } from './schema'
import { localize } from './messages'
import { i18n } from '../i18n'

// Types come from the OpenAPI document (src/api/openapi.json → schema.d.ts, `npm run api`); nothing is written twice.
export type Schemas = components['schemas']
export type TicketSummary = Schemas['TicketSummary']

/** An RFC 9457 problem+json answer, with field errors when the input was invalid; common messages in the page's language. */
export class Problem extends Error {
  public errors: Record<string, string[]>
  /** The server's own words (message is them in the page's language, as of now); retryAfter: seconds (429, 503). */
  constructor(public status: number, public title: string, public detail: string, errors: Record<string, string[]> = {}, public retryAfter?: number) {
    super(localize(detail || title))
    this.errors = Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map(localize)]))
  }
}

// Retry-After in seconds (the API sends seconds, never a date).
function retryAfter(r: Response): number | undefined {
  const seconds = Number(r.headers.get('retry-after') ?? NaN)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined
}

const tokenKey = 'token'
export const session = {
  get token() { return localStorage.getItem(tokenKey) },
  set token(value: string | null) { value ? localStorage.setItem(tokenKey, value) : localStorage.removeItem(tokenKey) },
}

export async function api<T>(method: string, path: string, body?: unknown, options: { token?: string | null; idempotencyKey?: string; language?: string } = {}): Promise<T> {
  // The server answers its messages (problems, field errors, timeline reasons) in the page's language.
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': options.language ?? i18n.global.locale.value }
  const token = options.token === undefined ? session.token : options.token
  if (token) headers.authorization = `Bearer ${token}`
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const data = await r.json().catch(() => ({}))
  if (!r.ok) throw new Problem(r.status, data.title ?? r.statusText, data.detail ?? '', data.errors ?? {}, retryAfter(r))
  // 202: the ticket's workflow has the action but has not applied it yet; its Location answers once it has (or refused it).
  if (r.status === 202 && typeof data.location === 'string') return await settle<T>(data.location, headers)
  return data as T
}

const settleFor = 60_000

async function settle<T>(location: string, headers: Record<string, string>): Promise<T> {
  const until = Date.now() + settleFor
  for (let wait = 250; Date.now() < until; wait = Math.min(wait * 2, 2000)) {
    await new Promise(resolve => setTimeout(resolve, wait))
    const r = await fetch(location, { headers: { authorization: headers.authorization ?? '', 'accept-language': headers['accept-language'] } })
    const data = await r.json().catch(() => ({}))
    if (!r.ok) throw new Problem(r.status, data.title ?? r.statusText, data.detail ?? '', data.errors ?? {})
    if (r.status === 200) return data as T
  }
  // Still pending: a server-side delay, so callers that retry (the offline queue) send it again with the same key.
  throw new Problem(503, 'Still being applied', 'The action was received and is still being applied; try again shortly.')
}
