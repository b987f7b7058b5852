import type { Router } from 'vue-router'
import { session } from '../api/client'

/** Ends the console session and goes to its sign-in page (the API answered 401, or the user signed out). */
export async function signOut(router: Router, replace = true) {
  session.token = null
  await (replace ? router.replace('/console/sign-in') : router.push('/console/sign-in'))
}
