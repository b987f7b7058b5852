import { formatInTimeZone, fromZonedTime } from 'date-fns-tz'

// Wall-clock times in a calendar's IANA time zone (the browser may be elsewhere), with date-fns-tz.

/** "2026-10-09T17:00" read in the zone → "2026-10-09T17:00:00+08:00" (ISO 8601 with the zone's offset then). */
export function wallTimeToIso(local: string, timeZone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return local
  return formatInTimeZone(fromZonedTime(local, timeZone), timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX")
}

/** "2026-10-10 10:00 周六" as the wall clock of the zone shows it. */
export function formatInZone(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso)
  const weekday = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short' }).format(date)
  return `${formatInTimeZone(date, timeZone, 'yyyy-MM-dd HH:mm')} ${weekday}`
}

/** Now as "yyyy-MM-ddTHH:mm" on the zone's wall clock (the browser's without a zone), for a datetime-local input. */
export function nowIn(timeZone: string | undefined): string {
  return formatInTimeZone(new Date(), timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, "yyyy-MM-dd'T'HH:mm")
}

export function isZone(timeZone: string) {
  try { new Intl.DateTimeFormat('en-US', { timeZone }); return true } catch { return false }
}

export const timeZones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC']
