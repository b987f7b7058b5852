// SLA tag colours as on the board: running blue, warning orange, breached red, paused grey, met green.
export const slaTagType = (s?: string | null) =>
  ({ running: 'primary', warning: 'warning', breached: 'danger', paused: 'info', met: 'success' } as const)[s ?? ''] ?? 'info'

/** hh:mm:ss until `due`, with a leading minus once it has passed. */
export function countdown(due: string | null | undefined, now: number) {
  if (!due) return ''
  const ms = new Date(due).getTime() - now
  const s = Math.floor(Math.abs(ms) / 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${ms < 0 ? '-' : ''}${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`
}
