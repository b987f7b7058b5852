// Wall-clock times in a calendar's IANA time zone (the browser may be elsewhere), with Intl only.

function parts(date: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
  const p = Object.fromEntries(f.formatToParts(date).map(x => [x.type, x.value]))
  return { y: p.year, mo: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second }
}

/** Minutes east of UTC of the zone at that instant. */
function offsetMinutes(date: Date, timeZone: string) {
  const p = parts(date, timeZone)
  return Math.round((Date.UTC(+p.y, +p.mo - 1, +p.d, +p.h, +p.mi, +p.s) - date.getTime()) / 60000)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-10-09T17:00" read in the zone → "2026-10-09T17:00:00+08:00" (ISO 8601 with the zone's offset then). */
export function wallTimeToIso(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local)
  if (!m) return local
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])
  let offset = offsetMinutes(new Date(asUtc), timeZone)
  offset = offsetMinutes(new Date(asUtc - offset * 60000), timeZone)
  const sign = offset < 0 ? '-' : '+'
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
}

/** "2026-10-10 10:00 周六" as the wall clock of the zone shows it. */
export function formatInZone(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso)
  const p = parts(date, timeZone)
  const weekday = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short' }).format(date)
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi} ${weekday}`
}

export function isZone(timeZone: string) {
  try { new Intl.DateTimeFormat('en-US', { timeZone }); return true } catch { return false }
}

export const timeZones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC']
