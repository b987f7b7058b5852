import type { RouteRecordRaw } from 'vue-router'

// Console routes of this folder; each component is loaded on demand. meta: { signedIn: true, console: true }.
const meta = { signedIn: true, console: true }
export const adminRoutes: RouteRecordRaw[] = [
  { path: '/console/admin/calendars', component: () => import('./CalendarsPage.vue'), meta },
  { path: '/console/admin/policies', component: () => import('./PoliciesPage.vue'), meta },
  { path: '/console/admin/rules', component: () => import('./RulesPage.vue'), meta },
  { path: '/console/admin/templates', component: () => import('./TemplatesPage.vue'), meta },
  { path: '/console/admin/lifecycle', component: () => import('./LifecyclePage.vue'), meta },
]
