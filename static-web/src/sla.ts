// How SLA states look everywhere: running blue, warning orange, breached red, paused and cancelled grey, met green (Element Plus tag types).
export const slaTagType = (s?: string | null) =>
  ({ running: 'primary', warning: 'warning', breached: 'danger', paused: 'info', cancelled: 'info', met: 'success' } as const)[s ?? ''] ?? 'info'

/** A state with nothing left to count down: met, or cancelled with its ticket. */
export const slaSettled = (s?: string | null) => s === 'met' || s === 'cancelled'

/** "01:02:03" until the due time, "-00:05:00" once it has passed. */
export function countdown(due: string | null | undefined, now: number): string {
  if (!due) return ''
  const ms = new Date(due).getTime() - now
  const s = Math.floor(Math.abs(ms) / 1000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${ms < 0 ? '-' : ''}${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`
}
