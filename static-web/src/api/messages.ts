import { i18n } from '../i18n'

// The API answers in English. The messages people meet most — the generic field checks, SMS sign-in — are shown in
// the page's language; anything else stays as the server wrote it. Patterns follow core/Common/Check.cs,
// core/Identity/OtpService.cs and the lifecycle's refusal (core/Common/DomainExceptions.cs ActionNotAllowedException).
const patterns: [RegExp, string, (m: RegExpExecArray) => Record<string, string>][] = [
  [/^is required\.$/, 'required', () => ({})],
  [/^is required; one of: (.+)\.$/, 'requiredOneOf', m => ({ list: m[1] })],
  [/^must be one of: (.+)\.$/, 'oneOf', m => ({ list: m[1] })],
  [/^must be at most (\d+) characters\.$/, 'maxLength', m => ({ n: m[1] })],
  [/^must be at least (\d+) characters\.$/, 'minLength', m => ({ n: m[1] })],
  [/^must not contain control characters\.$/, 'control', () => ({})],
  [/^must be between (-?\d+) and (-?\d+)\.$/, 'between', m => ({ min: m[1], max: m[2] })],
  [/^is not a valid phone number/, 'phone', () => ({})],
  [/^must be a six-digit GB\/T 2260 region code/, 'region', () => ({})],
  [/^has expired or was never sent/, 'codeExpired', () => ({})],
  [/^was entered wrongly too many times/, 'codeLocked', () => ({})],
  [/^is wrong; (\d+) tries left\.$/, 'codeWrong', m => ({ n: m[1] })],
  [/^is wrong; no tries left/, 'codeLocked', () => ({})],
  [/^A code was sent to this number moments ago/, 'resendWait', () => ({})],
  [/^Too many codes for this number this hour/, 'tooManyCodes', () => ({})],
  [/^No engineer has this phone number/, 'noEngineer', () => ({})],
  [/^'([a-z-]+)' is not possible while the ticket is (\w+)\. Possible now: (.+)\.$/, 'notAllowed', m => ({
    action: i18n.global.t(`kinds.${m[1]}`), status: i18n.global.t(`status.${m[2]}`),
    list: m[3] === 'none' ? i18n.global.t('serverErrors.nothing') : m[3].split(', ').map(a => i18n.global.t(`kinds.${a}`)).join('、'),
  })],
]

export function localize(message: string): string {
  if (i18n.global.locale.value === 'en') return message
  for (const [pattern, key, values] of patterns) {
    const m = pattern.exec(message)
    if (m) return i18n.global.t(`serverErrors.${key}`, values(m))
  }
  return message
}
