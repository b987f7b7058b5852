import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { Problem } from '../../api/client'
import { signOut } from '../signOut'

/**
 * Loading, 401/403 and problem+json handling shared by the admin pages: 401 goes to the console sign-in,
 * 403 sets `forbidden` (the page says so instead of a broken form), field errors land in `errors` by key.
 */
export function useAdmin() {
  const router = useRouter()
  const loading = ref(false)
  const forbidden = ref(false)

  async function guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    loading.value = true
    try { return await work() }
    catch (e) {
      if (e instanceof Problem && e.status === 401) { await signOut(router); return undefined }
      if (e instanceof Problem && e.status === 403) { forbidden.value = true; return undefined }
      throw e
    } finally { loading.value = false }
  }

  return { loading, forbidden, guard }
}

/** A form's submit state: field errors keyed like the problem's `errors` (e.g. `targets.response`, `holidays[2]`). */
export function useFormErrors() {
  const router = useRouter()
  const { t } = useI18n()
  const errors = ref<Record<string, string[]>>({})
  const message = ref('')
  const denied = ref(false)
  const saving = ref(false)

  /** Errors for a field: its own key and its items (`holidays[0]`, `week.mon[1]`); with `nested`, also `key.sub`. */
  function error(key: string, nested = false): string {
    return Object.entries(errors.value)
      .filter(([k]) => k === key || k.startsWith(key + '[') || (nested && k.startsWith(key + '.')))
      .map(([k, v]) => (k === key ? v.join(' ') : `${k.slice(key.length).replace(/^\./, '')}: ${v.join(' ')}`))
      .join(' ')
  }

  async function submit<T>(work: () => Promise<T>): Promise<T | undefined> {
    errors.value = {}; message.value = ''; denied.value = false; saving.value = true
    try { return await work() }
    catch (e) {
      if (!(e instanceof Problem)) throw e
      if (e.status === 401) { await signOut(router); return undefined }
      denied.value = e.status === 403
      errors.value = e.errors
      // The fields say what is wrong; the summary only says where to look.
      const keys = Object.keys(e.errors)
      message.value = keys.length ? `${t('admin.fixErrors')} ${keys.join(', ')}` : e.message
      return undefined
    } finally { saving.value = false }
  }

  function reset() { errors.value = {}; message.value = ''; denied.value = false }

  return { errors, message, denied, saving, error, submit, reset }
}

/** "a, b\nc" → ["a", "b", "c"]; empty → null (the API reads null as "any"). */
export function listOf(text: string): string[] | null {
  const items = text.split(/[,，;\s]+/).map(s => s.trim()).filter(Boolean)
  return items.length ? items : null
}

export const joined = (items?: readonly (string | number)[] | null) => (items ?? []).join(', ')
