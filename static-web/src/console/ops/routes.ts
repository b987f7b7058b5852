import type { RouteRecordRaw } from 'vue-router'

// Console routes of this folder; each component is loaded on demand. meta: { signedIn: true, console: true }.
export const opsRoutes: RouteRecordRaw[] = [
  { path: '/console/escalations', component: () => import('./EscalationsInbox.vue'), meta: { signedIn: true, console: true } },
  { path: '/console/engineers', component: () => import('./EngineerWorkloads.vue'), meta: { signedIn: true, console: true } },
  { path: '/console/dev/sms', component: () => import('./DevSms.vue'), meta: { signedIn: true, console: true } },
]
