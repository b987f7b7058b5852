import { onMounted, onUnmounted, ref } from 'vue'
import { useRouter } from 'vue-router'
import { Problem } from '../../api/client'
import { signOut } from '../signOut'

/** Loads on mount (and every `everyMs`): 401 signs out to /console/sign-in, 403 sets `forbidden`, other failures set `error` and polling retries. */
export function useConsoleLoad(fn: () => Promise<void>, everyMs?: number) {
  const router = useRouter()
  const loading = ref(true)
  const forbidden = ref(false)
  const error = ref('')
  let timer: number | undefined

  async function load() {
    try {
      await fn()
      error.value = ''
    } catch (e) {
      if (e instanceof Problem && e.status === 401) { window.clearInterval(timer); await signOut(router); return }
      if (e instanceof Problem && e.status === 403) { window.clearInterval(timer); forbidden.value = true; return }
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  onMounted(() => { void load(); if (everyMs) timer = window.setInterval(load, everyMs) })
  onUnmounted(() => window.clearInterval(timer))
  return { loading, forbidden, error, load }
}
