// Holiday and make-up day lists as admins type them: dates and ranges ("2026-10-01~2026-10-07"), one per line or comma.

const iso = (t: number) => new Date(t).toISOString().slice(0, 10)
const day = 86_400_000

/** Expands ranges; anything that is not a date stays as typed, so the server can point at it. */
export function expandDates(text: string): string[] {
  const out: string[] = []
  for (const token of text.replace(/\s*[~～]\s*/g, '~').split(/[,，;\s]+/).filter(Boolean)) {
    const [a, b] = token.split('~')
    const from = Date.parse(a + 'T00:00:00Z'), to = b === undefined ? NaN : Date.parse(b + 'T00:00:00Z')
    if (!Number.isNaN(from) && !Number.isNaN(to) && to >= from && (to - from) / day <= 366) {
      for (let t = from; t <= to; t += day) out.push(iso(t))
    } else out.push(token)
  }
  return out
}

/** Sorted dates back to one line per run of consecutive days, for editing. */
export function compressDates(dates: readonly string[]): string {
  const lines: string[] = []
  let start = '', prev = ''
  for (const d of [...dates].sort()) {
    if (prev && Date.parse(d) - Date.parse(prev) === day) { prev = d; continue }
    if (start) lines.push(start === prev ? start : `${start}~${prev}`)
    start = prev = d
  }
  if (start) lines.push(start === prev ? start : `${start}~${prev}`)
  return lines.join('\n')
}
