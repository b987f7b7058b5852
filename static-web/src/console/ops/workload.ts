import type { Schemas } from '../../api/client'

type Workload = Pick<Schemas['EngineerWorkload'], 'onDuty' | 'openJobs' | 'maxConcurrentJobs'>
export type EngineerState = 'offDuty' | 'free' | 'busy' | 'full'

/** Open jobs against the limit; numbers may come as strings (int32 in OpenAPI). */
export function loadOf(e: Workload) {
  const open = Number(e.openJobs)
  const max = Number(e.maxConcurrentJobs)
  return { open, max, full: open >= max, percent: max > 0 ? Math.min(100, Math.round((100 * open) / max)) : 100 }
}

/** Off duty wins; otherwise free with no open job, full at the limit, busy in between. */
export function stateOf(e: Workload): EngineerState {
  if (!e.onDuty) return 'offDuty'
  const { open, full } = loadOf(e)
  return open === 0 ? 'free' : full ? 'full' : 'busy'
}

export const stateTag = (s: EngineerState) => ({ offDuty: 'info', free: 'success', busy: 'warning', full: 'danger' } as const)[s]
