import type { RouteRecordRaw } from 'vue-router'

// Console routes of this folder; each component is loaded on demand. meta: { signedIn: true, console: true }.
export const adminRoutes: RouteRecordRaw[] = []
